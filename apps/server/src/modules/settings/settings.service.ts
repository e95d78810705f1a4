import type { OrgSettingsResponse, UpdateOrgSettings } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { runMutation, type MutationDeps } from '../../mutation/run-mutation.ts';
import { assertCanManageMembers, authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { lastSettingsChange, readSettings, writeSettings } from './settings.repository.ts';

/** Admins read the settings (R1); everyone else gets FORBIDDEN like the rest of the admin API. */
export async function getSettings(deps: MutationDeps, user: SessionUser, orgId: string): Promise<OrgSettingsResponse> {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  return (await readSettings(deps.db, orgId))!;
}

/** Changes any subset of the settings; they apply to the very next request and are pushed live. */
export async function updateSettings(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: UpdateOrgSettings,
): Promise<OrgSettingsResponse> {
  const spec = { orgId, user, action: 'settings.update', authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const current = (await readSettings(ctx.tx, orgId))!;
    const { version, ...changes } = body;
    const settings = { ...current.settings, ...changes };
    if (current.version !== version || !(await writeSettings(ctx.tx, orgId, settings, version))) {
      const last = await lastSettingsChange(ctx.tx, orgId);
      const who = last.changedBy?.name ?? 'Someone';
      throw new DomainError('VERSION_CONFLICT', `${who} changed the settings in the meantime; yours were not applied`, {
        current,
        ...last,
      });
    }
    const next = { settings, version: version + 1 };
    // Members learn it too: what they may do (leave, invite, see the directory) may have changed.
    ctx.broadcast({ type: 'settings.changed', data: { settings } });
    await ctx.emit({
      type: 'settings.updated',
      targetId: orgId,
      before: current.settings,
      after: settings,
      data: next,
    });
    return next;
  });
}
