import type { Member, OrgEvent, OrgRole } from '@roster/contracts';
import { findPerson, publish, roleIn, type MockOrg } from './db.ts';
import { MockRefusal } from './mock-errors.ts';

interface Options {
  /** Commit and log the event but do not push it: a lost broadcast, for gap scenarios. */
  dropBroadcast?: boolean;
  /** This change undoes the role change with this seq. */
  revertOf?: number;
}

/** The rows removals took, by the removal's seq: what an undo puts back (the server's audit `before`). */
const removedRows = new WeakMap<MockOrg, Map<number, Member>>();
export const removedRowOf = (org: MockOrg, seq: number) => removedRows.get(org)?.get(seq);

/** The server's rules (R1, R9–R11, R15), enough for the mocks to refuse what the server refuses. */
export function changeRole(
  org: MockOrg,
  actorId: string,
  userId: string,
  role: OrgRole,
  version: number,
  options: Options = {},
): Member {
  const target = current(org, actorId, userId, version);
  if (target.role === role) return target;
  if (userId === actorId && !org.settings.allowSelfRoleChange)
    throw new MockRefusal('SELF_ROLE_CHANGE', 'You cannot change your own role in this organization');
  if (org.settings.protectCreator && userId === org.createdBy && role !== 'ADMIN')
    throw new MockRefusal('CREATOR_PROTECTED', 'The creator of the organization cannot be demoted');
  if (role === 'ADMIN' && target.lite)
    throw new MockRefusal('EXTERNAL_ROLE_LOCKED', 'Clear the lite flag before making this person an admin', {
      role: target.role,
      lite: true,
    });
  if (target.role === 'ADMIN' && adminCount(org) <= 1)
    throw new MockRefusal('LAST_ADMIN_PROTECTED', 'The organization must keep at least one admin');
  const actor = actorOf(actorId);
  const updated: Member = {
    ...target,
    role,
    // Externals own no workspace (R22): their owner grants are lowered with the change.
    workspaces:
      role === 'EXTERNAL'
        ? target.workspaces.map((w) => (w.role === 'OWNER' ? { ...w, role: target.lite ? 'VIEWER' : 'MEMBER' } : w))
        : target.workspaces,
    version: target.version + 1,
    lastChange: { by: actor, at: new Date().toISOString() },
  };
  org.members = org.members.map((m) => (m.userId === userId ? updated : m));
  const revertOf = options.revertOf === undefined ? {} : { revertOf: options.revertOf };
  emit(
    org,
    { type: 'member.role_changed', data: { member: updated, before: { role: target.role }, ...revertOf } },
    actor,
    options,
  );
  publish(
    { orgId: org.id, seq: null, at: new Date().toISOString(), actor, type: 'access.changed', data: { role } },
    userId,
  );
  return updated;
}

export function removeMember(org: MockOrg, actorId: string, userId: string, version: number | undefined): void {
  const target = current(org, actorId, userId, version);
  if (userId === actorId) throw new MockRefusal('SELF_REMOVAL', 'You cannot remove yourself from the organization');
  if (org.settings.protectCreator && userId === org.createdBy)
    throw new MockRefusal('CREATOR_PROTECTED', 'The creator of the organization cannot be removed');
  if (target.role === 'ADMIN' && adminCount(org) <= 1)
    throw new MockRefusal('LAST_ADMIN_PROTECTED', 'The organization must keep at least one admin');
  org.members = org.members.filter((m) => m.userId !== userId);
  const actor = actorOf(actorId);
  emit(org, { type: 'member.removed', data: { userId, name: target.name } }, actor, {});
  if (!removedRows.has(org)) removedRows.set(org, new Map());
  removedRows.get(org)!.set(org.seq, target);
  publish(
    { orgId: org.id, seq: null, at: new Date().toISOString(), actor, type: 'access.changed', data: { role: null } },
    userId,
  );
}

export function current(org: MockOrg, actorId: string, userId: string, version: number | undefined): Member {
  if (roleIn(org, actorId) !== 'ADMIN') throw new MockRefusal('FORBIDDEN', 'Only admins can manage members');
  const target = org.members.find((m) => m.userId === userId);
  if (!target) throw new MockRefusal('NOT_FOUND', 'That member was not found');
  if (version !== undefined && version !== target.version) {
    throw new MockRefusal(
      'VERSION_CONFLICT',
      `${target.lastChange?.by.name ?? 'Someone'} changed ${target.name} in the meantime; your change was not applied`,
      {
        current: target,
        changedBy: target.lastChange?.by ?? null,
        changedAt: target.lastChange?.at ?? null,
      },
    );
  }
  return target;
}

const adminCount = (org: MockOrg) => org.members.filter((m) => m.role === 'ADMIN').length;

export function actorOf(actorId: string) {
  const person = findPerson(actorId);
  return { id: actorId, name: person?.name ?? 'Someone' };
}

type EventBody = Pick<OrgEvent, 'type' | 'data'>;

export function emit(org: MockOrg, body: EventBody, actor: { id: string; name: string }, options: Options) {
  org.seq += 1;
  const event = { ...body, orgId: org.id, seq: org.seq, at: new Date().toISOString(), actor } as OrgEvent;
  org.events.push(event);
  if (!options.dropBroadcast) publish(event);
}
