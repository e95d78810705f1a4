import type { ApiKeyScope, OrgEvent } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/** Keys are made and revoked by people: a signed-in admin, never another key. */
export function assertPersonManagesKeys(actor: { apiKey?: unknown }): void {
  if (actor.apiKey) throw new DomainError('API_KEY_SCOPE_MISSING', 'API keys cannot manage API keys');
}

/** Only the org's creator may give a key the `admin` scope (it can grant the ADMIN role). */
export function assertMayGiveScopes(f: { scopes: ApiKeyScope[]; actorId: string; creatorId: string }): void {
  if (f.scopes.includes('admin') && f.actorId !== f.creatorId) {
    throw new DomainError('FORBIDDEN', 'Only the creator of the organization can give a key the admin scope', {
      fields: [{ path: 'scopes', message: 'Only the creator of the organization can give the admin scope' }],
    });
  }
}

/** Invitation events that hand out (or renew a way to) the role the invitation names. */
const invitationGrants = new Set([
  'invitation.created',
  'invitation.updated',
  'invitation.renewed',
  'invitation.resent',
  'invitation.link_issued',
  'invite_request.approved',
]);

/**
 * Whether an event gives someone the org's ADMIN role: a role change to it, a member back as
 * one, or an invitation for one sent, changed, renewed, resent or linked. Read from the event
 * every change appends, so no road to ADMIN (bulk changes, undo, reverts) is missed.
 */
export function grantsAdmin(event: Pick<OrgEvent, 'type' | 'data'>): boolean {
  const data = event.data as {
    member?: { role?: string };
    before?: { role?: string };
    invitation?: { role?: string };
  };
  if (event.type === 'member.role_changed') return data.member?.role === 'ADMIN' && data.before?.role !== 'ADMIN';
  if (event.type === 'member.joined') return data.member?.role === 'ADMIN';
  if (invitationGrants.has(event.type)) return data.invitation?.role === 'ADMIN';
  return false;
}

/** A key without the `admin` scope never grants ADMIN; the whole change is refused (and audited). */
export function assertKeyMayEmit(
  actor: { apiKey?: { scopes: ApiKeyScope[] } },
  event: Pick<OrgEvent, 'type' | 'data'>,
): void {
  if (actor.apiKey && !actor.apiKey.scopes.includes('admin') && grantsAdmin(event)) {
    throw new DomainError('FORBIDDEN', 'This API key cannot grant the admin role: it needs the admin scope', {
      required: 'admin',
    });
  }
}
