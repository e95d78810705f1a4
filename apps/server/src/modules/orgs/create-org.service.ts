import { randomUUID } from 'node:crypto';
import {
  defaultOrgSettings,
  slugFromName,
  type CreateOrg,
  type MyOrg,
  type OrgResponse,
  type PersonalEvent,
} from '@roster/contracts';
import type { SessionUser } from '../../auth/auth.ts';
import { busy } from '../../db/database-busy.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { appendEvent } from '../../mutation/org-lock.repository.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import type { OrgCreationLimit } from './org-creation-limit.ts';
import { firstFreeSlug, slugTaken } from './org-slugs.ts';
import { countCreatedOrgs, insertOrgIfSlugFree, lockCreator } from './orgs.repository.ts';
import { assertMayCreateOrg } from './orgs.policy.ts';

export interface CreateOrgDeps extends MutationDeps {
  orgCreationLimit: OrgCreationLimit;
  /** MAX_ORGS_PER_USER: orgs one person may have created (and not deleted). */
  maxOrgsPerUser: number;
}

/** The workspace every new org starts with, so its first invitations have somewhere to point. */
export const DEFAULT_WORKSPACE_NAME = 'General';

/** A derived slug taken by a concurrent creation is looked up again, this many times at most. */
const DERIVED_SLUG_ATTEMPTS = 5;

/**
 * R20: a verified person creates an org and becomes its ADMIN and creator, with the default
 * settings and one workspace. The org's first event (`org.created`, seq 1) is its audit row.
 */
export async function createOrganization(
  deps: CreateOrgDeps,
  user: SessionUser,
  body: CreateOrg,
): Promise<OrgResponse> {
  if (!user.emailVerified) throw unverified();
  await deps.orgCreationLimit.take(user.id);
  const now = deps.clock.now();
  const org = await deps.db.transaction().execute(async (tx) => {
    // Two creations by one person (through any process) take turns here, so the cap holds.
    const creator = await lockCreator(tx, user.id);
    if (!creator) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    if (!creator.email_verified) throw unverified();
    assertMayCreateOrg(await countCreatedOrgs(tx, user.id), deps.maxOrgsPerUser);
    const id = randomUUID();
    const slug = await claimSlug(tx, body, { id, createdBy: user.id, at: now });
    await tx
      .insertInto('org_members')
      .values({ org_id: id, user_id: user.id, role: 'ADMIN', name: creator.name, email: creator.email, joined_at: now })
      .execute();
    await tx
      .insertInto('workspaces')
      .values({ id: randomUUID(), org_id: id, name: DEFAULT_WORKSPACE_NAME, created_at: now })
      .execute();
    const summary = { id, name: body.name, slug, version: 1 };
    await appendEvent(tx, {
      org_id: id,
      seq: 1,
      type: 'org.created',
      actor_id: user.id,
      actor_name: creator.name,
      target_id: id,
      before: null,
      after: { name: body.name, slug },
      data: { org: summary },
      at: now,
    });
    return summary;
  });
  announce(deps, user, org, now);
  return { org };
}

/**
 * An explicit slug is the one asked for or `SLUG_TAKEN`; a derived one takes the first free
 * suffix, looked up again when a concurrent creation claimed it first.
 */
async function claimSlug(
  tx: Parameters<typeof lockCreator>[0],
  body: CreateOrg,
  org: { id: string; createdBy: string; at: Date },
): Promise<string> {
  const row = { ...org, name: body.name, settings: defaultOrgSettings };
  if (body.slug) {
    const heldByOldName = (await firstFreeSlug(tx, body.slug, org.at)) !== body.slug;
    if (heldByOldName || !(await insertOrgIfSlugFree(tx, { ...row, slug: body.slug }))) {
      throw await slugTaken(tx, body.slug, org.at);
    }
    return body.slug;
  }
  const base = slugFromName(body.name);
  for (let attempt = 0; attempt < DERIVED_SLUG_ATTEMPTS; attempt += 1) {
    const slug = await firstFreeSlug(tx, base, org.at);
    if (await insertOrgIfSlugFree(tx, { ...row, slug })) return slug;
  }
  throw busy('Many organizations are being created with this name right now; try again', 1);
}

/** The creator's open tabs join the new org's rooms and add it to their list of orgs. */
function announce(deps: MutationDeps, user: SessionUser, org: { id: string; name: string; slug: string }, now: Date) {
  try {
    deps.publisher.setAccess(org.id, user.id, 'ADMIN');
    const myOrg: MyOrg = {
      ...org,
      role: 'ADMIN',
      lite: false,
      isCreator: true,
      settings: defaultOrgSettings,
      status: 'active',
      purgeAfter: null,
      pending: { invitations: 0, requests: 0 },
    };
    const event: PersonalEvent = {
      type: 'org.created',
      orgId: org.id,
      seq: null,
      at: now.toISOString(),
      actor: { id: user.id, name: user.name },
      data: { org: myOrg },
    };
    deps.publisher.publishPersonal(user.id, event);
  } catch (error) {
    // The org exists; the creator's other tabs find it on their next load of /api/me.
    deps.logger.error('publish failed', { error: String(error) });
  }
}

function unverified() {
  return new DomainError('EMAIL_NOT_VERIFIED', 'Confirm your email address first: we sent you a link');
}
