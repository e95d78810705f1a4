import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AddOrgDomain, ListOrgDomainsResponse, OrgDomainResponse, UpdateOrgDomain } from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import { DomainError, notFound } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { hashInvitationToken, newInvitationToken } from '../invitations/invitation-token.ts';
import { orgName } from '../invitations/invitation-lookups.repository.ts';
import { assertCanManageMembers, authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from '../orgs/org-access.repository.ts';
import { isUniqueViolation } from '../orgs/org-slugs.ts';
import { assertAddressAtDomain, assertNotPublicDomain, DOMAIN_LINK_TTL_MS, domainTaken } from './domains.policy.ts';
import {
  deleteDomain,
  domainHolders,
  insertDomain,
  listDomains,
  markVerified,
  publicDomain,
  readDomain,
  writeEnrollment,
  type OrgDomainRow,
} from './domains.repository.ts';

export interface DomainDeps extends MutationDeps {
  mailQueue: MailQueue;
  publicUrl: string;
}

/** `GET /api/orgs/:orgId/domains` (admins). */
export async function listOrgDomains(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<ListOrgDomainsResponse> {
  const access = await readOrgAccess(deps.db, orgId, user.id);
  assertCanManageMembers(access?.role ?? null);
  return { items: (await listDomains(deps.db, orgId)).map(publicDomain) };
}

/** An admin claims a domain: it stays pending until someone at it opens the mailed link (R21). */
export async function addOrgDomain(
  deps: DomainDeps,
  user: SessionUser,
  orgId: string,
  body: AddOrgDomain,
): Promise<OrgDomainResponse> {
  assertNotPublicDomain(body.domain);
  assertAddressAtDomain(body.verifyEmail, body.domain);
  const spec = { orgId, user, action: 'domain.add', authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const holders = await domainHolders(ctx.tx, orgId, body.domain);
    if (holders.here || holders.verifiedElsewhere) throw domainTaken(body.domain, holders.here);
    const id = randomUUID();
    const { token, hash } = newInvitationToken();
    const expiresAt = new Date(ctx.now.getTime() + DOMAIN_LINK_TTL_MS);
    const verifyEmail = body.verifyEmail.toLowerCase();
    await insertDomain(ctx.tx, {
      id,
      orgId,
      domain: body.domain,
      verifyEmail,
      tokenHash: hash,
      expiresAt,
      by: ctx.actor.id,
      at: ctx.now,
    });
    const url = `${deps.publicUrl.replace(/\/$/, '')}/verify-domain?${new URLSearchParams({ org: orgId, domain: id, token }).toString()}`;
    const mail = {
      to: verifyEmail,
      adminName: ctx.actor.name,
      orgName: await orgName(ctx.tx, orgId),
      domain: body.domain,
      url,
    };
    await deps.mailQueue.enqueueDomainVerification(ctx.tx, mail, ctx.now);
    ctx.afterCommit(() => deps.mailQueue.wake());
    return emitDomain(ctx, 'domain.added', id, null);
  });
}

/**
 * Whoever opens the link proves the domain: the token is the proof, so they need not be an
 * admin, nor a member (the person reading that mailbox may be in IT), only signed in with a
 * verified account, named in the audit log. A link opened twice answers the verified domain.
 */
export async function verifyOrgDomain(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  id: string,
  token: string,
): Promise<OrgDomainResponse> {
  if (!user.emailVerified) throw unverified();
  const spec = { orgId, user, action: 'domain.verify', targetId: id, authorize: () => {} };
  return runMutation(deps, spec, async (ctx) => {
    const row = await readDomain(ctx.tx, orgId, id);
    if (!row) throw notFound('This domain');
    if (row.status === 'verified') return { domain: publicDomain(row) };
    const fresh = row.tokenExpiresAt !== null && row.tokenExpiresAt > ctx.now;
    if (row.tokenHash !== hashInvitationToken(token) || !fresh) {
      throw new DomainError(
        'NOT_FOUND',
        'This verification link is not valid any more: ask an admin to remove the domain and add it again',
      );
    }
    const holders = await domainHolders(ctx.tx, orgId, row.domain);
    if (holders.verifiedElsewhere) throw domainTaken(row.domain, false);
    await verifyOrTaken(ctx, row);
    return emitDomain(ctx, 'domain.verified', id, row);
  });
}

/** The enrollment mode of a domain, at its version (admins). */
export async function updateOrgDomain(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  id: string,
  body: UpdateOrgDomain,
): Promise<OrgDomainResponse> {
  const spec = { orgId, user, action: 'domain.update', targetId: id, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const row = await readDomain(ctx.tx, orgId, id);
    if (!row) throw notFound('This domain');
    if (row.version !== body.version) {
      throw new DomainError('VERSION_CONFLICT', `${row.domain} was changed in the meantime`, {
        current: publicDomain(row),
      });
    }
    if (row.enrollment === body.enrollment) return { domain: publicDomain(row) };
    if (row.status !== 'verified' && body.enrollment !== 'off') {
      throw new DomainError('VALIDATION_FAILED', `${row.domain} is not verified yet: nobody can join through it`, {
        fields: [{ path: 'enrollment', message: 'Verify the domain first' }],
      });
    }
    await writeEnrollment(ctx.tx, id, body.enrollment);
    return emitDomain(ctx, 'domain.updated', id, row);
  });
}

/** Removes a domain (admins): nobody joins through it any more; members who did stay. */
export async function removeOrgDomain(deps: MutationDeps, user: SessionUser, orgId: string, id: string): Promise<void> {
  const spec = { orgId, user, action: 'domain.remove', targetId: id, authorize: authorizeAdmin };
  await runMutation(deps, spec, async (ctx) => {
    const row = await readDomain(ctx.tx, orgId, id);
    if (!row) throw notFound('This domain');
    await deleteDomain(ctx.tx, id);
    const domain = publicDomain(row);
    await ctx.emit({ type: 'domain.removed', targetId: id, before: domain, after: null, data: { domain } });
  });
}

/**
 * Another org's verification of the same domain, committed a moment ago, is not under this org's
 * lock: the unique index decides, and its refusal is DOMAIN_TAKEN, not a 500. A savepoint keeps
 * the transaction usable after the refusal.
 */
async function verifyOrTaken(ctx: MutationContext, row: OrgDomainRow): Promise<void> {
  await sql`savepoint domain_verify`.execute(ctx.tx);
  try {
    await markVerified(ctx.tx, row.id, ctx.now);
    await sql`release savepoint domain_verify`.execute(ctx.tx);
  } catch (error) {
    await sql`rollback to savepoint domain_verify`.execute(ctx.tx);
    if (isUniqueViolation(error)) throw domainTaken(row.domain, false);
    throw error;
  }
}

export const unverified = () =>
  new DomainError('EMAIL_NOT_VERIFIED', 'Confirm your email address first: we sent you a link');

async function emitDomain(
  ctx: MutationContext,
  type: 'domain.added' | 'domain.verified' | 'domain.updated',
  id: string,
  before: OrgDomainRow | null,
): Promise<OrgDomainResponse> {
  const domain = publicDomain((await readDomain(ctx.tx, ctx.org.id, id))!);
  await ctx.emit({ type, targetId: id, before: before && publicDomain(before), after: domain, data: { domain } });
  return { domain };
}
