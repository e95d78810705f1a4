import type { CreateAccessRequest, CreateAccessRequestResponse, OrgAdminsResponse } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation } from '../../mutation/run-mutation.ts';
import type { InvitationDeps } from '../invitations/invitation-context.ts';
import { orgName } from '../invitations/invitation-lookups.repository.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import type { AccessRequestLimit } from './access-request-limit.ts';
import { assertNeedsAccess, authorizeRequester } from './access-requests.policy.ts';
import { adminRecipients, listOrgAdmins, workspaceForRequest } from './org-admins.repository.ts';

export interface AccessRequestDeps extends InvitationDeps {
  accessRequestLimit: AccessRequestLimit;
}

/** Who to ask, for anyone in the org: names only, so the list reveals no addresses. */
export async function orgAdmins(db: Db, user: SessionUser, orgId: string): Promise<OrgAdminsResponse> {
  if (!(await readOrgAccess(db, orgId, user.id))) {
    throw new DomainError('FORBIDDEN', 'You are not a member of this organization');
  }
  return listOrgAdmins(db, orgId);
}

type Request = Omit<CreateAccessRequest, 'message'> & { message?: string | undefined };

/**
 * Mails every admin that this person asks for access, and tells the admins' open tabs. At most
 * one per person, org and page an hour; a request that is refused or fails gives its turn back.
 */
export async function requestAccess(
  deps: AccessRequestDeps,
  user: SessionUser,
  orgId: string,
  body: Request,
): Promise<CreateAccessRequestResponse> {
  const key = { userId: user.id, orgId, page: body.page, workspaceId: body.workspaceId };
  await deps.accessRequestLimit.take(key);
  try {
    return await sendRequest(deps, user, orgId, body);
  } catch (error) {
    await deps.accessRequestLimit.refund(key);
    throw error;
  }
}

async function sendRequest(deps: AccessRequestDeps, user: SessionUser, orgId: string, body: Request) {
  const spec = { orgId, user, action: 'access.request', authorize: authorizeRequester };
  return runMutation(deps, spec, async (ctx) => {
    const workspace = body.workspaceId
      ? await workspaceForRequest(ctx.tx, ctx.org.id, body.workspaceId, user.id)
      : null;
    if (body.workspaceId && !workspace) throw notFound('That workspace');
    assertNeedsAccess(ctx.actor.role, workspace);
    const facts = {
      requester: { id: user.id, name: user.name, email: user.email },
      page: body.page,
      workspace: workspace && { id: workspace.id, name: workspace.name },
      message: body.message || null,
    };
    await ctx.emit({
      type: 'access.requested',
      targetId: workspace?.id ?? null,
      before: null,
      after: null,
      data: facts,
    });
    const admins = await adminRecipients(ctx.tx, ctx.org.id);
    const name = await orgName(ctx.tx, ctx.org.id);
    for (const admin of admins) {
      const mail = {
        to: admin.email,
        adminName: admin.name,
        orgId: ctx.org.id,
        orgName: name,
        requesterName: user.name,
        requesterEmail: user.email,
        ...facts,
      };
      await deps.mailQueue.enqueueAccessRequest(ctx.tx, mail, ctx.now);
    }
    ctx.afterCommit(() => deps.mailQueue.wake());
    return { adminsNotified: admins.length };
  });
}
