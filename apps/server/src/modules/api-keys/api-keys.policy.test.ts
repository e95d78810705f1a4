import { describe, expect, it } from 'vitest';
import type { OrgEvent } from '@roster/contracts';
import { assertKeyMayEmit, assertMayGiveScopes, grantsAdmin } from './api-keys.policy.ts';

const event = (type: string, data: unknown) => ({ type, data }) as Pick<OrgEvent, 'type' | 'data'>;

describe('grantsAdmin', () => {
  it('sees every road to the ADMIN role in the event a change appends', () => {
    expect(grantsAdmin(event('member.role_changed', { member: { role: 'ADMIN' }, before: { role: 'MEMBER' } }))).toBe(
      true,
    );
    expect(grantsAdmin(event('member.joined', { member: { role: 'ADMIN' } }))).toBe(true);
    for (const type of [
      'invitation.created',
      'invitation.updated',
      'invitation.renewed',
      'invitation.resent',
      'invitation.link_issued',
      'invite_request.approved',
    ]) {
      expect(grantsAdmin(event(type, { invitation: { role: 'ADMIN' } })), type).toBe(true);
    }
  });

  it('lets everything else through', () => {
    expect(grantsAdmin(event('member.role_changed', { member: { role: 'ADMIN' }, before: { role: 'ADMIN' } }))).toBe(
      false,
    );
    expect(grantsAdmin(event('member.role_changed', { member: { role: 'MEMBER' }, before: { role: 'ADMIN' } }))).toBe(
      false,
    );
    expect(grantsAdmin(event('invitation.revoked', { invitation: { role: 'ADMIN' } }))).toBe(false);
    expect(grantsAdmin(event('invitation.created', { invitation: { role: 'MEMBER' } }))).toBe(false);
    expect(grantsAdmin(event('workspace.created', { workspace: {} }))).toBe(false);
  });
});

describe('assertKeyMayEmit', () => {
  const toAdmin = event('member.role_changed', { member: { role: 'ADMIN' }, before: { role: 'MEMBER' } });

  it('refuses a key without the admin scope, and nobody else', () => {
    expect(() => assertKeyMayEmit({ apiKey: { scopes: ['members:write'] } }, toAdmin)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertKeyMayEmit({ apiKey: { scopes: ['members:write', 'admin'] } }, toAdmin)).not.toThrow();
    expect(() => assertKeyMayEmit({}, toAdmin)).not.toThrow();
  });
});

describe('assertMayGiveScopes', () => {
  it('gives the admin scope only to the creator', () => {
    expect(() => assertMayGiveScopes({ scopes: ['admin'], actorId: 'grace', creatorId: 'ada' })).toThrow();
    expect(() => assertMayGiveScopes({ scopes: ['admin'], actorId: 'ada', creatorId: 'ada' })).not.toThrow();
    expect(() => assertMayGiveScopes({ scopes: ['members:write'], actorId: 'grace', creatorId: 'ada' })).not.toThrow();
  });
});
