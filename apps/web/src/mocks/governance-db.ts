import type {
  InviteRequest,
  InvitationStatus,
  Member,
  MyInviteRequest,
  OrgEvent,
  PersonalEvent,
  Workspace,
  WorkspaceMember,
  WorkspaceRole,
} from '@roster/contracts';
import { findPerson, publish, roleIn, type MockOrg } from './db.ts';
import { workspaces as fixtureWorkspaces } from '../test/fixtures/members-fixtures.ts';
import { demoPeople } from '../test/fixtures/people.ts';

/** A request with where it stands, as the server keeps it. */
export interface MockRequest {
  request: InviteRequest;
  status: InvitationStatus;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  reason: string | null;
}

interface GovernanceState {
  settingsVersion: number;
  workspaces: { id: string; name: string; createdAt: string; version: number }[];
  /** `${workspaceId}:${userId}` → version of that workspace membership. */
  wsVersions: Map<string, number>;
  requests: MockRequest[];
}

// Keyed by the org object: a reset mock db brings fresh orgs, and with them fresh state.
const states = new WeakMap<MockOrg, GovernanceState>();
let nextId = 1;

export function governanceOf(org: MockOrg): GovernanceState {
  let state = states.get(org);
  if (!state) {
    const now = Date.now();
    state = {
      settingsVersion: 1,
      workspaces:
        org.id === 'org_acme'
          ? fixtureWorkspaces.map((w, i) => ({
              ...w,
              createdAt: new Date(now - (400 - i * 30) * 86_400_000).toISOString(),
              version: 1,
            }))
          : [],
      wsVersions: new Map(),
      requests: org.id === 'org_acme' ? seedRequests(now) : [],
    };
    states.set(org, state);
  }
  return state;
}

function seedRequests(now: number): MockRequest[] {
  const { linus } = demoPeople;
  const seeds = [
    {
      email: 'margaret.h@partner.test',
      role: 'EXTERNAL' as const,
      minutesAgo: 12,
      ws: [] as InviteRequest['workspaces'],
    },
    {
      email: 'ken@contractor.test',
      role: 'MEMBER' as const,
      minutesAgo: 95,
      ws: [{ id: 'ws_platform', name: 'Platform', role: 'MEMBER' as const }],
    },
  ];
  return seeds.map((s) => ({
    request: {
      id: `req_seed_${nextId++}`,
      email: s.email,
      role: s.role,
      lite: false,
      workspaces: s.ws,
      requestedBy: { id: linus.id, name: linus.name },
      createdAt: new Date(now - s.minutesAgo * 60_000).toISOString(),
      version: 1,
      lastChange: null,
    },
    status: 'requested',
    decidedBy: null,
    decidedAt: null,
    reason: null,
  }));
}

export const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${nextId++}`;

export function actorOf(userId: string) {
  return { id: userId, name: findPerson(userId)?.name ?? 'Someone' };
}

type EventBody = Pick<OrgEvent, 'type' | 'data'>;

/** Commits an org event (next `seq`) and pushes it to the org's admins. */
export function emitOrgEvent(org: MockOrg, body: EventBody, actorId: string) {
  org.seq += 1;
  const event = {
    ...body,
    orgId: org.id,
    seq: org.seq,
    at: new Date().toISOString(),
    actor: actorOf(actorId),
  } as OrgEvent;
  org.events.push(event);
  publish(event);
}

export function emitPersonal(org: MockOrg, body: Pick<PersonalEvent, 'type' | 'data'>, actorId: string, to: string) {
  const event = {
    ...body,
    orgId: org.id,
    seq: null,
    at: new Date().toISOString(),
    actor: actorOf(actorId),
  } as PersonalEvent;
  publish(event, to);
}

export function workspaceView(org: MockOrg, ws: GovernanceState['workspaces'][number], viewerId: string): Workspace {
  const members = org.members.filter((m) => m.workspaces.some((w) => w.id === ws.id));
  const myRole = members.find((m) => m.userId === viewerId)?.workspaces.find((w) => w.id === ws.id)?.role ?? null;
  return {
    id: ws.id,
    name: ws.name,
    memberCount: members.length,
    myRole,
    canManage: roleIn(org, viewerId) === 'ADMIN' || myRole === 'OWNER',
    createdAt: ws.createdAt,
    version: ws.version,
  };
}

export function workspaceMemberOf(org: MockOrg, workspaceId: string, member: Member): WorkspaceMember | null {
  const grant = member.workspaces.find((w) => w.id === workspaceId);
  if (!grant) return null;
  return {
    userId: member.userId,
    name: member.name,
    email: member.email,
    orgRole: member.role,
    lite: member.lite,
    role: grant.role,
    joinedAt: member.joinedAt,
    version: governanceOf(org).wsVersions.get(`${workspaceId}:${member.userId}`) ?? 1,
  };
}

/** Sets (or with null removes) someone's role in a workspace, and emits the matching event. */
export function setWorkspaceRole(
  org: MockOrg,
  actorId: string,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole | null,
) {
  const state = governanceOf(org);
  const ws = state.workspaces.find((w) => w.id === workspaceId)!;
  const before = org.members.find((m) => m.userId === userId)!;
  const had = before.workspaces.some((w) => w.id === workspaceId);
  const others = before.workspaces.filter((w) => w.id !== workspaceId);
  const member: Member = { ...before, workspaces: role ? [...others, { id: ws.id, name: ws.name, role }] : others };
  org.members = org.members.map((m) => (m.userId === userId ? member : m));
  const key = `${workspaceId}:${userId}`;
  state.wsVersions.set(key, role && had ? (state.wsVersions.get(key) ?? 1) + 1 : 1);
  const type =
    role === null ? 'workspace.member_removed' : had ? 'workspace.member_role_changed' : 'workspace.member_added';
  const workspaceMember = workspaceMemberOf(org, workspaceId, member);
  emitOrgEvent(org, { type, data: { workspaceId, userId, workspaceMember, member } }, actorId);
  return workspaceMember;
}

export function myRequestOf(org: MockOrg, r: MockRequest): MyInviteRequest {
  return {
    id: r.request.id,
    orgId: org.id,
    orgName: org.name,
    email: r.request.email,
    role: r.request.role,
    status: r.status,
    createdAt: r.request.createdAt,
    outcome: r.status === 'requested' ? null : r.status === 'rejected' ? 'rejected' : 'approved',
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    reason: r.reason,
  };
}
