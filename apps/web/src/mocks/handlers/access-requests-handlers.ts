import { http, HttpResponse } from 'msw';
import {
  ACCESS_REQUEST_WINDOW_SECONDS,
  CreateAccessRequestSchema,
  ORG_ADMINS_SHOWN,
  errorStatus,
  type CreateAccessRequestResponse,
  type ErrorBody,
  type OrgAdminsResponse,
} from '@roster/contracts';
import { findOrg, roleIn, type MockOrg } from '../db.ts';
import { emitOrgEvent, governanceOf } from '../governance-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireSession } from './session.ts';

const path = '/api/orgs/:orgId';

/**
 * When each person last asked for a page, as the server's shared limit counts them. Keyed by
 * the org object: a reset mock db brings fresh orgs, and with them a fresh hour.
 */
const asked = new WeakMap<MockOrg, Map<string, number>>();
const lastAskedIn = (org: MockOrg) => {
  const times = asked.get(org) ?? new Map<string, number>();
  asked.set(org, times);
  return times;
};

function requireMemberOf(orgId: unknown) {
  const person = requireSession();
  const org = findOrg(String(orgId));
  const role = org ? roleIn(org, person.id) : null;
  if (!org || role === null) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
  return { org, person, role };
}

/** The server's 429: the standard body and the `Retry-After` header. */
function rateLimited(retryAfterSeconds: number) {
  const body: ErrorBody = {
    error: {
      code: 'RATE_LIMITED',
      message: 'You already asked for access to this page within the last hour',
      details: { retryAfterSeconds },
    },
  };
  return HttpResponse.json(body, {
    status: errorStatus.RATE_LIMITED,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

export const accessRequestsHandlers = [
  http.get(`${path}/admins`, ({ params }) =>
    refusalsAsResponses(() => {
      const { org } = requireMemberOf(params.orgId);
      const admins = org.members
        .filter((m) => m.role === 'ADMIN')
        .map((m) => ({ userId: m.userId, name: m.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
      const body: OrgAdminsResponse = { admins: admins.slice(0, ORG_ADMINS_SHOWN), total: admins.length };
      return HttpResponse.json(body);
    }),
  ),
  http.post(`${path}/access-requests`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const parsed = CreateAccessRequestSchema.safeParse(await request.json().catch(() => null));
      if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'Some fields are not valid');
      const { org, person, role } = requireMemberOf(params.orgId);
      const { page, workspaceId, message } = parsed.data;
      const lastAsked = lastAskedIn(org);
      const key = [person.id, page, workspaceId ?? ''].join(':');
      const since = Date.now() - (lastAsked.get(key) ?? -Infinity);
      if (since < ACCESS_REQUEST_WINDOW_SECONDS * 1000) {
        return rateLimited(Math.ceil((ACCESS_REQUEST_WINDOW_SECONDS * 1000 - since) / 1000));
      }
      const workspace = workspaceId ? governanceOf(org).workspaces.find((w) => w.id === workspaceId) : undefined;
      if (workspaceId && !workspace) throw new MockRefusal('NOT_FOUND', 'That workspace was not found');
      const member = org.members.find((m) => m.userId === person.id);
      const inWorkspace = !!workspaceId && !!member?.workspaces.some((w) => w.id === workspaceId);
      if (role === 'ADMIN' || inWorkspace)
        throw new MockRefusal('ALREADY_HAS_ACCESS', 'You already have access to this page');
      lastAsked.set(key, Date.now());
      const data = {
        requester: { id: person.id, name: person.name, email: person.email },
        page,
        workspace: workspace ? { id: workspace.id, name: workspace.name } : null,
        message: message || null,
      };
      emitOrgEvent(org, { type: 'access.requested', data }, person.id);
      const body: CreateAccessRequestResponse = {
        adminsNotified: org.members.filter((m) => m.role === 'ADMIN').length,
      };
      return HttpResponse.json(body);
    }),
  ),
];
