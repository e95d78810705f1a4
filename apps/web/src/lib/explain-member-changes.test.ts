import { describe, expect, it } from 'vitest';
import type { Member, OrgEvent } from '@roster/contracts';
import { buildAcmeMembers } from '../test/fixtures/members-fixtures.ts';
import { explainMemberChanges } from './explain-member-changes.ts';

const ORG = 'org_acme';
const [, , linus, eve] = buildAcmeMembers(0);
const grace = { id: 'usr_grace', name: 'Grace Hopper' };
const at = new Date().toISOString();

const roleChanged = (seq: number, member: Member, role: Member['role'], orgId = ORG): OrgEvent => ({
  orgId,
  seq,
  at,
  actor: grace,
  type: 'member.role_changed',
  data: { member: { ...member, role }, before: { role: member.role } },
});

describe('explainMemberChanges', () => {
  it('names who did what to each changed row, by the latest event about it', () => {
    const events: OrgEvent[] = [
      roleChanged(12, linus!, 'EXTERNAL'),
      roleChanged(11, linus!, 'ADMIN'),
      {
        orgId: ORG,
        seq: 13,
        at,
        actor: { id: eve!.userId, name: eve!.name },
        type: 'member.left',
        data: { userId: eve!.userId, name: eve!.name },
      },
      // Another org's event about the same person explains nothing here.
      roleChanged(14, linus!, 'MEMBER', 'org_other'),
    ];
    const applied = [
      { userId: linus!.userId, actorId: grace.id },
      { userId: eve!.userId, actorId: eve!.userId },
    ];
    expect(explainMemberChanges(ORG, applied, events)).toEqual([
      {
        userId: linus!.userId,
        actorId: grace.id,
        actorName: 'Grace Hopper',
        memberName: linus!.name,
        kind: 'role',
        role: 'EXTERNAL',
      },
      { userId: eve!.userId, actorId: eve!.userId, actorName: eve!.name, memberName: eve!.name, kind: 'left' },
    ]);
  });
});
