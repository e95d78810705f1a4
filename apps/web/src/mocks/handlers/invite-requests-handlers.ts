import { http, HttpResponse } from 'msw';
import {
  ApproveInviteRequestSchema,
  CreateInvitationsSchema,
  RejectInviteRequestSchema,
  type Invitation,
  type ListInviteRequestsResponse,
} from '@roster/contracts';
import { db, findOrg, roleIn, type MockOrg } from '../db.ts';
import {
  actorOf,
  emitOrgEvent,
  emitPersonal,
  governanceOf,
  myRequestOf,
  newId,
  type MockRequest,
} from '../governance-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireAdminOf, requireSession } from './session.ts';

const path = '/api/orgs/:orgId/invite-requests';

export function invitationOf(r: MockRequest): Invitation {
  const { request } = r;
  return {
    id: request.id,
    email: request.email,
    role: request.role,
    lite: request.lite,
    status: r.status,
    workspaces: request.workspaces,
    invitedBy: request.requestedBy,
    createdAt: request.createdAt,
    expiresAt: null,
    delivery: r.status === 'pending' ? { state: 'sent', attempts: 1, lastError: null } : null,
    version: request.version,
    lastChange: r.decidedBy && r.decidedAt ? { by: r.decidedBy, at: r.decidedAt } : null,
  };
}

/** A member's proposal (R3): a request for admins, filed by the invitations endpoint. */
export function fileRequest(org: MockOrg, requesterId: string, email: string, role: 'MEMBER' | 'EXTERNAL') {
  const r: MockRequest = {
    request: {
      id: newId('inv'),
      email,
      role,
      lite: false,
      workspaces: [],
      requestedBy: actorOf(requesterId),
      createdAt: new Date().toISOString(),
      version: 1,
      lastChange: null,
    },
    status: 'requested',
    decidedBy: null,
    decidedAt: null,
    reason: null,
  };
  governanceOf(org).requests.unshift(r);
  emitOrgEvent(org, { type: 'invitation.requested', data: { invitation: invitationOf(r) } }, requesterId);
  return r;
}

function decide(org: MockOrg, actorId: string, id: string, version: number) {
  const r = governanceOf(org).requests.find((x) => x.request.id === id);
  if (!r) throw new MockRefusal('NOT_FOUND', 'That request was not found');
  if (r.status !== 'requested')
    throw new MockRefusal('ALREADY_DECIDED', 'This request was already decided', {
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      status: r.status,
    });
  if (r.request.version !== version)
    throw new MockRefusal('VERSION_CONFLICT', 'The request changed meanwhile', {
      current: invitationOf(r),
      changedBy: r.request.lastChange?.by ?? null,
      changedAt: r.request.lastChange?.at ?? null,
    });
  r.decidedBy = actorOf(actorId);
  r.decidedAt = new Date().toISOString();
  r.request = { ...r.request, version: r.request.version + 1 };
  return r;
}

function announce(org: MockOrg, actorId: string, r: MockRequest) {
  const outcome = r.status === 'rejected' ? 'rejected' : 'approved';
  const decision = { outcome, decidedBy: r.decidedBy!, decidedAt: r.decidedAt!, reason: r.reason } as const;
  emitOrgEvent(org, { type: `invite_request.${outcome}`, data: { invitation: invitationOf(r), decision } }, actorId);
  emitPersonal(
    org,
    { type: 'invite_request.decided', data: { request: myRequestOf(org, r) } },
    actorId,
    r.request.requestedBy.id,
  );
}

export const inviteRequestsHandlers = [
  http.get(path, ({ params }) =>
    refusalsAsResponses(() => {
      const { org } = requireAdminOf(params.orgId);
      const items = governanceOf(org)
        .requests.filter((r) => r.status === 'requested')
        .map((r) => r.request);
      const body: ListInviteRequestsResponse = {
        items,
        nextCursor: null,
        total: items.length,
        seq: org.seq,
        seats: { used: org.members.length, limit: org.settings.memberCap },
      };
      return HttpResponse.json(body);
    }),
  ),
  http.post(`${path}/:id/approve`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const body = ApproveInviteRequestSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Send the version');
      const r = decide(org, actorId, String(params.id), body.data.version);
      const names = new Map(governanceOf(org).workspaces.map((w) => [w.id, w.name]));
      r.status = 'pending';
      r.request = {
        ...r.request,
        role: body.data.role ?? r.request.role,
        lite: body.data.lite ?? r.request.lite,
        workspaces: body.data.workspaces
          ? body.data.workspaces.map((g) => ({
              id: g.workspaceId,
              name: names.get(g.workspaceId) ?? g.workspaceId,
              role: g.role,
            }))
          : r.request.workspaces,
      };
      announce(org, actorId, r);
      return HttpResponse.json(invitationOf(r));
    }),
  ),
  http.post(`${path}/:id/reject`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const body = RejectInviteRequestSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Send the version');
      const r = decide(org, actorId, String(params.id), body.data.version);
      r.status = 'rejected';
      r.reason = body.data.reason ?? null;
      announce(org, actorId, r);
      return HttpResponse.json(invitationOf(r));
    }),
  ),
  http.get('/api/me/invite-requests', ({ request }) =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const orgId = new URL(request.url).searchParams.get('orgId');
      const items = db.orgs
        .filter((o) => !orgId || o.id === orgId)
        .flatMap((o) =>
          governanceOf(o)
            .requests.filter((r) => r.request.requestedBy.id === person.id)
            .map((r) => myRequestOf(o, r)),
        );
      return HttpResponse.json({ items });
    }),
  ),
  // A member's invitation under `members_request` becomes a request; anything else is left to the
  // invitations handlers (returning nothing lets MSW try the next handler).
  http.post('/api/orgs/:orgId/invitations', async ({ request, params }) => {
    const org = findOrg(String(params.orgId));
    const person = db.sessionUserId;
    if (!org || !person || roleIn(org, person) !== 'MEMBER' || org.settings.invitePolicy !== 'members_request') return;
    const body = CreateInvitationsSchema.safeParse(
      await request
        .clone()
        .json()
        .catch(() => null),
    );
    if (!body.success || body.data.role === 'ADMIN') return;
    return refusalsAsResponses(() => {
      const taken = new Set(
        governanceOf(org)
          .requests.filter((r) => r.status === 'requested')
          .map((r) => r.request.email),
      );
      const members = new Set(org.members.map((m) => m.email));
      const results = body.data.emails.map((raw) => {
        const email = raw.trim().toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { email, status: 'invalid' as const };
        if (members.has(email)) return { email, status: 'already_member' as const };
        if (taken.has(email)) return { email, status: 'duplicate' as const };
        const r = fileRequest(org, person, email, body.data.role as 'MEMBER' | 'EXTERNAL');
        return { email, status: 'requested' as const, invitationId: r.request.id };
      });
      return HttpResponse.json({ results }, { status: 201 });
    });
  }),
];
