import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Invitation, ListInvitationsResponse, OrgEvent } from '@roster/contracts';
import { buildAcmeInvitations } from '../test/fixtures/invitations-fixtures.ts';
import { buildAcmeMembers } from '../test/fixtures/members-fixtures.ts';
import { applyInvitationEvents, writeInvitation, type InvitationPages } from './live-invitation-cache.ts';

const ORG = 'org_acme';
// The same key shape the invitations feature uses; lib code (and its tests) never import a feature.
const cache = {
  invitationListsKey: (orgId: string) => ['invitations', orgId, 'list'],
  parseInvitationListKey: (key: readonly unknown[]) =>
    key[0] === 'invitations' && key[2] === 'list'
      ? { orgId: String(key[1]), filter: key[3] as { status?: 'pending' | 'requested' | 'expired' } }
      : null,
};
const allKey = ['invitations', ORG, 'list', {}];
const pendingKey = ['invitations', ORG, 'list', { status: 'pending' }];
const rows = buildAcmeInvitations();
const grace = { id: 'usr_grace', name: 'Grace Hopper' };
let seq = 10;

function setup() {
  seq = 10;
  const queryClient = new QueryClient();
  const page = (items: Invitation[]): ListInvitationsResponse => ({
    items,
    nextCursor: null,
    seq,
    seats: { used: 64, limit: 80 },
  });
  queryClient.setQueryData<InvitationPages>(allKey, { pages: [page(rows)], pageParams: [null] });
  queryClient.setQueryData<InvitationPages>(pendingKey, {
    pages: [page(rows.filter((r) => r.status === 'pending'))],
    pageParams: [null],
  });
  const list = (key = allKey) => queryClient.getQueryData<InvitationPages>(key)!.pages[0]!;
  return { queryClient, list };
}

function event(type: OrgEvent['type'], invitation: Invitation): OrgEvent {
  return { orgId: ORG, seq: ++seq, at: new Date().toISOString(), actor: grace, type, data: { invitation } } as OrgEvent;
}

const created = (email: string, status: Invitation['status'] = 'pending'): Invitation => ({
  ...rows[0]!,
  id: `inv_${email}`,
  email,
  status,
  createdAt: new Date().toISOString(),
});

describe('live invitation cache', () => {
  it('inserts a new invitation at the top of every list it belongs in and takes a seat', () => {
    const { queryClient, list } = setup();
    applyInvitationEvents(queryClient, cache, [event('invitation.created', created('new@example.com'))]);
    expect(list().items[0]!.email).toBe('new@example.com');
    expect(list(pendingKey).items[0]!.email).toBe('new@example.com');
    expect(list().seats.used).toBe(65);
    applyInvitationEvents(queryClient, cache, [event('invitation.requested', created('req@example.com', 'requested'))]);
    expect(list().items[0]!.email).toBe('req@example.com');
    expect(list(pendingKey).items.some((r) => r.email === 'req@example.com')).toBe(false);
    expect(list().seats.used).toBe(66);
  });

  it('drops a revoked invitation and frees its seat, once even when the answer came first', () => {
    const { queryClient, list } = setup();
    const revoked = { ...rows[0]!, status: 'revoked' as const, version: 2 };
    writeInvitation(queryClient, cache, ORG, revoked);
    expect(list().items.some((r) => r.id === revoked.id)).toBe(false);
    expect(list().seats.used).toBe(63);
    applyInvitationEvents(queryClient, cache, [event('invitation.revoked', revoked)]);
    expect(list().seats.used).toBe(63);
  });

  it('ignores a version older than the cached row', () => {
    const { queryClient, list } = setup();
    const v3 = { ...rows[0]!, role: 'ADMIN' as const, version: 3 };
    applyInvitationEvents(queryClient, cache, [event('invitation.updated', v3)]);
    applyInvitationEvents(queryClient, cache, [
      event('invitation.updated', { ...rows[0]!, role: 'EXTERNAL', version: 2 }),
    ]);
    expect(list().items.find((r) => r.id === v3.id)).toMatchObject({ role: 'ADMIN', version: 3 });
  });

  it('moves an expired invitation out of the pending list, keeps it in "all", and frees its seat', () => {
    const { queryClient, list } = setup();
    applyInvitationEvents(queryClient, cache, [event('invitation.expired', { ...rows[0]!, status: 'expired' })]);
    expect(list().items.find((r) => r.id === rows[0]!.id)?.status).toBe('expired');
    expect(list(pendingKey).items.some((r) => r.id === rows[0]!.id)).toBe(false);
    expect(list().seats.used).toBe(63);
    // Renewed: pending again, with a seat.
    applyInvitationEvents(queryClient, cache, [
      event('invitation.renewed', { ...rows[0]!, status: 'pending', version: 2 }),
    ]);
    expect(list().seats.used).toBe(64);
  });

  it('patches the delivery state without a version', () => {
    const { queryClient, list } = setup();
    const delivery = { state: 'failed' as const, attempts: 3, lastError: 'refused' };
    applyInvitationEvents(queryClient, cache, [
      {
        orgId: ORG,
        seq: ++seq,
        at: new Date().toISOString(),
        actor: grace,
        type: 'invitation.delivery_changed',
        data: { invitationId: rows[0]!.id, delivery },
      },
    ]);
    expect(list().items[0]!.delivery).toEqual(delivery);
  });

  it('hands an accepted invitation’s seat to the member who joined', () => {
    const { queryClient, list } = setup();
    const member = buildAcmeMembers(1)[4]!;
    applyInvitationEvents(queryClient, cache, [
      event('invitation.accepted', { ...rows[0]!, status: 'accepted', version: 2 }),
      { orgId: ORG, seq: ++seq, at: new Date().toISOString(), actor: grace, type: 'member.joined', data: { member } },
    ]);
    expect(list().items.some((r) => r.id === rows[0]!.id)).toBe(false);
    expect(list().seats.used).toBe(64);
  });

  it('skips events the list already reflects', () => {
    const { queryClient, list } = setup();
    const stale: OrgEvent = { ...event('invitation.created', created('old@example.com')), seq: 9 };
    applyInvitationEvents(queryClient, cache, [stale]);
    expect(list().items.some((r) => r.email === 'old@example.com')).toBe(false);
    expect(list().seats.used).toBe(64);
  });
});
