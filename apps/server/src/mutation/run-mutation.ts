import type { Transaction } from 'kysely';
import type { ApiKeyScope, OrgEvent, OrgRole, OrgSettings, PersonalEvent } from '@roster/contracts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { DomainError, orgNotFound } from '../lib/domain-error.ts';
import type { Logger } from '../lib/logger.ts';
import { currentRequest, forgetForRequest } from '../lib/request-context.ts';
import type { Publisher } from '../realtime/publisher.ts';
import type { SessionUser } from '../auth/auth.ts';
import { appendDeniedAttempt, appendEventAtHead, lockOrganization } from './org-lock.repository.ts';
import type { OrgQueue } from './org-queue.ts';
import { orgTransaction } from './org-transaction.ts';
import { assertKeyMayEmit } from '../modules/api-keys/api-keys.policy.ts';
import { liveKeyScopes } from '../modules/api-keys/api-keys.repository.ts';

export interface MutationDeps {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  logger: Logger;
  /** Changes of one org wait for their turn here, not inside a transaction holding a connection. */
  orgQueue: OrgQueue;
}

/**
 * The acting person, with their role as it is under the lock (never a cached one). An API key
 * acts as its org: an ADMIN while it is live, limited by its scopes (ADR 31).
 */
export interface Actor {
  id: string;
  name: string;
  role: OrgRole | null;
  apiKey?: { scopes: ApiKeyScope[] };
}

type OrgEventInput = Pick<OrgEvent, 'type' | 'data'> & {
  targetId: string | null;
  before: unknown;
  after: unknown;
};

export interface MutationContext {
  tx: Transaction<Database>;
  org: { id: string; createdBy: string; settings: OrgSettings };
  actor: Actor;
  now: Date;
  /** Appends an event/audit row with the next seq; it is published once the change commits. */
  emit(event: OrgEventInput): Promise<OrgEvent>;
  /** Sends a personal event to one person's tabs after commit. */
  notify(userId: string, event: Pick<PersonalEvent, 'type' | 'data'>): void;
  /** Sends a seq-less event to every member's tabs after commit. */
  broadcast(event: Pick<PersonalEvent, 'type' | 'data'>): void;
  /** Runs a side effect after commit (room changes, mail wake-ups). */
  afterCommit(effect: (publisher: Publisher) => void): void;
}

export interface MutationSpec {
  orgId: string;
  user: SessionUser;
  /** Names the attempt in the audit log when it is denied, e.g. `member.change_role`. */
  action: string;
  targetId?: string;
  /** Throws when the actor may not attempt this at all. */
  authorize(actor: Actor, org: MutationContext['org']): void;
  /** Runs on an org waiting for its purge too (restoring it); every other change finds no org. */
  onDeletedOrg?: boolean;
}

/** Codes that mean "refused by a rule" and are audited as denied attempts. */
const auditedDenials = new Set([
  'FORBIDDEN',
  'LAST_ADMIN_PROTECTED',
  'SELF_REMOVAL',
  'SELF_ROLE_CHANGE',
  'CREATOR_PROTECTED',
  'EXTERNAL_ROLE_LOCKED',
  'EXTERNAL_CANNOT_OWN',
  'LIMIT_EXCEEDED',
  'REQUEST_LIMIT',
]);

/**
 * The one road every change takes: lock the org, authorize against fresh state, run the
 * change, append its events with gap-free seqs, commit, then publish. A refusal rolls back
 * everything and is audited on its own.
 */
export async function runMutation<T>(
  deps: MutationDeps,
  spec: MutationSpec,
  change: (ctx: MutationContext) => Promise<T>,
): Promise<T> {
  // What this request read before (the org guard's access) may not hold once it changes anything.
  forgetForRequest();
  const now = deps.clock.now();
  const request = requestColumns(spec.user);
  const pending: OrgEvent[] = [];
  const personal: Array<{ userId: string; event: PersonalEvent }> = [];
  const effects: Array<(publisher: Publisher) => void> = [];
  try {
    const result = await orgTransaction(deps, spec.orgId).execute(async (tx) => {
      const locked = await lockOrganization(tx, spec.orgId);
      if (!locked) throw new DomainError('FORBIDDEN', 'You are not a member of this organization');
      // A change queued behind the org's deletion finds it gone, as a later request would.
      if (locked.status !== 'active' && !spec.onDeletedOrg) throw orgNotFound();
      const org = { id: locked.id, createdBy: locked.createdBy, settings: locked.settings };
      const actor = await loadActor(tx, spec.orgId, spec.user, now);
      spec.authorize(actor, org);
      let seq = locked.eventSeq;
      const seqless = (event: Pick<PersonalEvent, 'type' | 'data'>) =>
        ({
          ...event,
          orgId: org.id,
          seq: null,
          at: now.toISOString(),
          actor: { id: actor.id, name: actor.name },
        }) as PersonalEvent;
      const ctx: MutationContext = {
        tx,
        org,
        actor,
        now,
        async emit(input) {
          assertKeyMayEmit(actor, input);
          seq += 1;
          const event = {
            orgId: org.id,
            seq,
            type: input.type,
            at: now.toISOString(),
            actor: { id: actor.id, name: actor.name },
            data: input.data,
          } as OrgEvent;
          pending.push(event);
          await appendEventAtHead(tx, {
            org_id: org.id,
            seq,
            type: input.type,
            actor_id: actor.id,
            actor_name: actor.name,
            target_id: input.targetId,
            before: input.before,
            after: input.after,
            data: input.data,
            at: now,
            ...request,
          });
          return event;
        },
        notify(userId, event) {
          personal.push({ userId, event: seqless(event) });
        },
        broadcast(event) {
          const full = seqless(event);
          effects.push((publisher) => publisher.publishToMembers(org.id, full));
        },
        afterCommit(effect) {
          effects.push(effect);
        },
      };
      return change(ctx);
    });
    // The caller's response goes out first; delivery to every socket follows in the next turn of
    // the event loop. Turns run in the order they were queued, and one org's changes commit one
    // after another, so each org's events still leave in seq order.
    setImmediate(() => publishAfterCommit(deps, pending, personal, effects));
    return result;
  } catch (error) {
    if (error instanceof DomainError && auditedDenials.has(error.code)) {
      await auditDenial(deps, spec, error, now, request);
    }
    throw error;
  }
}

/** What the audit log keeps of the request behind a change: none of it for background jobs. */
function requestColumns(user: SessionUser) {
  const request = currentRequest();
  return {
    actor_email: user.email || null,
    request_id: request?.requestId ?? null,
    ip: request?.ip ?? null,
    user_agent: request?.userAgent ?? null,
  };
}

/**
 * Who is acting, read after the org lock is held: a person's role as the last change left it (a
 * read joined to the locking statement would see the role from before its wait), or a live API
 * key as ADMIN.
 */
async function loadActor(tx: Transaction<Database>, orgId: string, user: SessionUser, now: Date): Promise<Actor> {
  if (user.apiKey) {
    const scopes = await liveKeyScopes(tx, user.apiKey.id, orgId, now);
    return scopes
      ? { id: user.id, name: user.name, role: 'ADMIN', apiKey: { scopes } }
      : { id: user.id, name: user.name, role: null };
  }
  const row = await tx
    .selectFrom('org_members')
    .select(['role'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return { id: user.id, name: user.name, role: row?.role ?? null };
}

function publishAfterCommit(
  deps: MutationDeps,
  events: OrgEvent[],
  personal: Array<{ userId: string; event: PersonalEvent }>,
  effects: Array<(publisher: Publisher) => void>,
) {
  // The change is durable; a failed publish is caught up by roster:sync, so it must not fail the request.
  try {
    for (const effect of effects) effect(deps.publisher);
    if (events.length) deps.publisher.publishOrgEvents(events);
    for (const { userId, event } of personal) deps.publisher.publishPersonal(userId, event);
  } catch (error) {
    deps.logger.error('publish failed', { error: String(error) });
  }
}

async function auditDenial(
  deps: MutationDeps,
  spec: MutationSpec,
  error: DomainError,
  at: Date,
  request: ReturnType<typeof requestColumns>,
) {
  try {
    await appendDeniedAttempt(deps.db, {
      orgId: spec.orgId,
      actorId: spec.user.id,
      actorName: spec.user.name,
      action: spec.action,
      targetId: spec.targetId ?? null,
      code: error.code,
      at,
      request,
    });
  } catch (auditError) {
    deps.logger.error('could not audit a denied attempt', { error: String(auditError) });
  }
}
