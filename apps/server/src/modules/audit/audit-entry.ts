import type { AuditEntry, AuditRevertLink, AuditTarget } from '@roster/contracts';
import { isApiKeyId } from '../api-keys/api-key-token.ts';
import type { AuditRow } from './audit.repository.ts';
import { isRevertible, revertedActionOf } from './revert/revert.policy.ts';

/** The actor id the server writes for changes no person made (expiry, delivery reports). */
const SYSTEM_ACTOR = 'system';

type Named = { name?: unknown; email?: unknown };
type Data = Record<string, unknown>;

/**
 * The audit log's view of one stored event. `revertedBy` is the change that undid it, if any
 * (read beside the page, see `revertsOf` in the events repository).
 */
export function toAuditEntry(row: AuditRow, revertedBy: AuditRevertLink | null = null): AuditEntry {
  const data = (row.data ?? {}) as Data;
  const revertOf = typeof data.revertOf === 'number' ? data.revertOf : null;
  const reverted = revertOf === null ? null : revertedActionOf(row.type, data);
  return {
    id: String(row.id),
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    action: reverted ? `${reverted}.reverted` : row.type,
    actor: auditActor(row),
    target: auditTarget(row.type, row.target_id, data),
    before: row.before ?? null,
    after: row.after ?? null,
    data,
    revertOf,
    revertedBy,
    revertible: row.seq !== null && revertedBy === null && isRevertible(row.type),
    requestId: row.request_id,
    context: row.ip === null && row.user_agent === null ? null : { ip: row.ip, userAgent: row.user_agent },
  };
}

function auditActor(row: AuditRow): AuditEntry['actor'] {
  if (row.actor_id === SYSTEM_ACTOR) return { kind: 'system', id: row.actor_id, name: row.actor_name };
  // A program's change: the key's id and its name at the time (ADR 31).
  if (isApiKeyId(row.actor_id)) return { kind: 'api_key', id: row.actor_id, name: row.actor_name };
  return {
    kind: 'user',
    id: row.actor_id,
    name: row.actor_name,
    ...(row.actor_email ? { email: row.actor_email } : {}),
  };
}

/**
 * What an entry is about, named as it was at the time: the event type's domain says the kind,
 * its data the name and email. A denied attempt is about what it tried (`data.action`).
 */
export function auditTarget(type: string, targetId: string | null, data: Data): AuditTarget {
  const domain = type === 'access.denied' && typeof data.action === 'string' ? prefix(data.action) : prefix(type);
  switch (domain) {
    case 'member':
      return named('member', targetId, (data.member as Named | undefined) ?? data);
    case 'invitation':
    case 'invite_request':
      return named('invitation', targetId, data.invitation as Named | undefined);
    case 'workspace':
      // A change to someone's place in a workspace is about that person.
      if (type.startsWith('workspace.member_')) return named('member', targetId, data.member as Named | undefined);
      return named('workspace', targetId, (data.workspace as Named | undefined) ?? data);
    case 'org':
      if (type === 'org.transferred') return named('member', targetId, data.to as Named | undefined);
      return named('org', targetId, data.org as Named | undefined);
    case 'settings':
      return { kind: 'settings', id: targetId };
    case 'domain': {
      const domain = data.domain as { domain?: unknown } | undefined;
      return named('domain', targetId, { name: domain?.domain });
    }
    case 'api_key':
      return named('api_key', targetId, data.apiKey as Named | undefined);
    case 'access':
      // An access request names the workspace asked for, when it was one.
      return data.workspace ? named('workspace', targetId, data.workspace) : { kind: 'other', id: targetId };
    default:
      return { kind: 'other', id: targetId };
  }
}

const prefix = (type: string) => type.split('.')[0];

function named(kind: AuditTarget['kind'], id: string | null, source: Named | undefined): AuditTarget {
  const target: AuditTarget = { kind, id };
  if (typeof source?.name === 'string') target.name = source.name;
  if (typeof source?.email === 'string') target.email = source.email;
  return target;
}
