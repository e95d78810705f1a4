import { sql } from 'kysely';
import {
  OLD_SLUG_REDIRECT_DAYS,
  type OrgBySlugResponse,
  type OrgDetail,
  type OrgResponse,
  type UpdateOrg,
} from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { DomainError, forbidden } from '../../lib/domain-error.ts';
import { runMutation, type MutationContext, type MutationDeps } from '../../mutation/run-mutation.ts';
import { authorizeAdmin } from '../members/members.policy.ts';
import { readOrgAccess } from './org-access.repository.ts';
import { isUniqueViolation, slugTaken } from './org-slugs.ts';
import {
  keepOldSlug,
  orgIdForSlug,
  readMember,
  readOrg,
  slugsLike,
  writeOrgName,
  type OrgRow,
} from './orgs.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `GET /api/orgs/:orgId`: the org as its members see it; everyone else is refused as on every org route. */
export async function getOrganization(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
): Promise<{ org: OrgDetail }> {
  // The org guard already hid a deleted org from everyone but its creator, who may read it.
  // An API key reads its own org as its ADMIN while it is live (ADR 31).
  const membership = user.apiKey ? readOrgAccess(deps.db, orgId, user.id) : readMember(deps.db, orgId, user.id);
  const [org, member] = await Promise.all([readOrg(deps.db, orgId), membership]);
  if (!org || !member) throw forbidden('You are not a member of this organization');
  return { org: detailOf(org) };
}

/**
 * `GET /api/orgs/by-slug/:slug`: the org a slug leads to, current or left within the redirect
 * window, for its members only. Others learn nothing, not even whether the slug is held.
 */
export async function findOrganizationBySlug(
  deps: MutationDeps,
  user: SessionUser,
  slug: string,
): Promise<OrgBySlugResponse> {
  const orgId = await orgIdForSlug(deps.db, slug.toLowerCase(), deps.clock.now());
  const org = orgId && (await readOrgAccess(deps.db, orgId, user.id)) ? await readOrg(deps.db, orgId) : null;
  if (!org) throw new DomainError('ORG_NOT_FOUND', 'No organization of yours has this address');
  return { org: { id: org.id, slug: org.slug } };
}

/**
 * Renames the org or changes its slug (admins), at the version it was read at. Every member's
 * tabs learn it live; the old slug keeps leading here for `OLD_SLUG_REDIRECT_DAYS`.
 */
export async function updateOrganization(
  deps: MutationDeps,
  user: SessionUser,
  orgId: string,
  body: UpdateOrg,
): Promise<OrgResponse> {
  const spec = { orgId, user, action: 'org.update', targetId: orgId, authorize: authorizeAdmin };
  return runMutation(deps, spec, async (ctx) => {
    const current = (await readOrg(ctx.tx, orgId))!;
    if (current.version !== body.version) throw conflict(current);
    const name = body.name ?? current.name;
    const slug = body.slug ?? current.slug;
    if (name === current.name && slug === current.slug) return { org: summaryOf(current) };
    if (slug !== current.slug && (await slugsLike(ctx.tx, slug, orgId, ctx.now)).has(slug)) {
      throw await slugTaken(ctx.tx, slug, ctx.now, orgId);
    }
    if (!(await renameOrTaken(ctx, { orgId, name, slug, version: body.version }))) throw conflict(current);
    if (slug !== current.slug) {
      await keepOldSlug(
        ctx.tx,
        orgId,
        current.slug,
        slug,
        new Date(ctx.now.getTime() + OLD_SLUG_REDIRECT_DAYS * DAY_MS),
      );
    }
    const org = { id: orgId, name, slug, version: current.version + 1 };
    const before = { name: current.name, slug: current.slug };
    await ctx.emit({ type: 'org.updated', targetId: orgId, before, after: { name, slug }, data: { org, before } });
    ctx.broadcast({ type: 'org.updated', data: { org, before } });
    return { org };
  });
}

/** Writes the new name and slug; a slug another org claimed a moment ago is SLUG_TAKEN, not a 500. */
async function renameOrTaken(ctx: MutationContext, change: Parameters<typeof writeOrgName>[1]): Promise<boolean> {
  // A savepoint keeps the transaction usable when the unique index refuses the slug.
  await sql`savepoint org_rename`.execute(ctx.tx);
  try {
    const written = await writeOrgName(ctx.tx, change);
    await sql`release savepoint org_rename`.execute(ctx.tx);
    return written;
  } catch (error) {
    await sql`rollback to savepoint org_rename`.execute(ctx.tx);
    if (isUniqueViolation(error)) throw await slugTaken(ctx.tx, change.slug, ctx.now, change.orgId);
    throw error;
  }
}

export function conflict(current: OrgRow) {
  return new DomainError(
    'VERSION_CONFLICT',
    `${current.name} was changed in the meantime; your change was not applied`,
    {
      current: summaryOf(current),
    },
  );
}

export function summaryOf(org: OrgRow) {
  return { id: org.id, name: org.name, slug: org.slug, version: org.version };
}

export function detailOf(org: OrgRow): OrgDetail {
  return {
    ...summaryOf(org),
    status: org.status,
    purgeAfter: org.purgeAfter?.toISOString() ?? null,
    creatorId: org.createdBy,
  };
}
