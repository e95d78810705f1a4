import { UNDO_WINDOW_SECONDS, type Member, type UndoMemberChangeResponse } from '@roster/contracts';
import { publish, roleIn, type MockOrg } from './db.ts';
import { seatsOf } from './invitation-rules.ts';
import { actorOf, changeRole, current, emit, removedRowOf } from './member-rules.ts';
import { MockRefusal } from './mock-errors.ts';

// The server's undo (ADR 0015), enough for mock mode to answer what it answers.

export function undoChange(org: MockOrg, actorId: string, eventSeq: number): UndoMemberChangeResponse {
  if (roleIn(org, actorId) !== 'ADMIN') throw new MockRefusal('FORBIDDEN', 'Only admins can manage members');
  const event = org.events.find((e) => e.seq === eventSeq);
  if (!event) throw new MockRefusal('NOT_FOUND', 'That change was not found');
  if (event.type !== 'member.role_changed' && event.type !== 'member.removed') {
    throw new MockRefusal('NOT_REVERTIBLE', 'Only role changes and removals can be undone', { reason: 'not_undoable' });
  }
  const revert = org.events.find((e) => 'revertOf' in e.data && e.data.revertOf === eventSeq);
  if (revert) {
    throw new MockRefusal('ALREADY_REVERTED', `${revert.actor.name} already undid this change`, {
      revertedBy: revert.actor,
      revertedAt: revert.at,
      seq: revert.seq,
    });
  }
  if (Date.now() - Date.parse(event.at) > UNDO_WINDOW_SECONDS * 1000) {
    throw new MockRefusal('NOT_REVERTIBLE', 'A change can be undone for 10 minutes only', { reason: 'window_passed' });
  }
  if (event.type === 'member.role_changed') {
    const { member: left, before } = event.data;
    const target = current(org, actorId, left.userId, left.version);
    const member = changeRole(org, actorId, target.userId, before.role, target.version, { revertOf: eventSeq });
    return { member, seq: org.seq };
  }
  return { member: restore(org, actorId, eventSeq), seq: org.seq };
}

function restore(org: MockOrg, actorId: string, eventSeq: number): Member {
  const was = removedRowOf(org, eventSeq);
  if (!was) throw new MockRefusal('NOT_REVERTIBLE', 'This removal cannot be undone', { reason: 'not_undoable' });
  if (org.members.some((m) => m.userId === was.userId)) {
    throw new MockRefusal('ALREADY_MEMBER', `${was.name} is a member again already`);
  }
  const seats = seatsOf(org);
  if (seats.limit !== null && seats.used + 1 > seats.limit) {
    throw new MockRefusal('LIMIT_EXCEEDED', `This organization is limited to ${seats.limit} seats`, {
      limit: seats.limit,
      current: seats.used,
      max: Math.max(0, seats.limit - seats.used),
    });
  }
  const actor = actorOf(actorId);
  const at = new Date().toISOString();
  const member: Member = { ...was, version: was.version + 1, lastChange: { by: actor, at } };
  org.members = [...org.members, member];
  emit(org, { type: 'member.joined', data: { member, revertOf: eventSeq } }, actor, {});
  publish({ orgId: org.id, seq: null, at, actor, type: 'access.changed', data: { role: member.role } }, member.userId);
  return member;
}
