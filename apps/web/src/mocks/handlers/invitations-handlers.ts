import { http, HttpResponse } from 'msw';
import {
  CreateInvitationsResponseSchema,
  CreateInvitationsSchema,
  IDEMPOTENCY_KEY_HEADER,
  InvitationLinkSchema,
  InvitationSchema,
  InvitationVersionSchema,
  ListInvitationsQuerySchema,
  ListInvitationsResponseSchema,
  ListWorkspacesResponseSchema,
  UpdateInvitationSchema,
  type CreateInvitationsResponse,
} from '@roster/contracts';
import { findOrg } from '../db.ts';
import { workspaces } from '../../test/fixtures/members-fixtures.ts';
import {
  createInvitations,
  orgInvitations,
  reissueInvitation,
  requireInvitationAdmin,
  revokeInvitation,
  seatsOf,
  updateInvitation,
  type Reissue,
} from '../invitation-rules.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireSession } from './session.ts';

const path = '/api/orgs/:orgId/invitations';

function parse<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'The request is not valid');
  return parsed.data;
}

const encodeCursor = (offset: number) => btoa(JSON.stringify({ offset }));
const decodeCursor = (cursor: string) => {
  try {
    return Number((JSON.parse(atob(cursor)) as { offset: number }).offset) || 0;
  } catch {
    throw new MockRefusal('INVALID_CURSOR', 'Bad cursor', { field: 'cursor' });
  }
};

/** Same key from the same person: the first answer again, as the server stores it. */
const answered = new Map<string, { body: string; answer: CreateInvitationsResponse }>();

const reissue = (how: Reissue) =>
  http.post(`${path}/:id/${how}`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const version =
        how === 'link' ? undefined : parse(InvitationVersionSchema, await request.json().catch(() => null)).version;
      const result = reissueInvitation(String(params.orgId), String(params.id), version, how);
      return HttpResponse.json(
        how === 'link' ? InvitationLinkSchema.parse(result) : InvitationSchema.parse(result.invitation),
      );
    }),
  );

/** `/api/orgs/:orgId/invitations/*`, answering what the contracts say the server answers. */
export const invitationsHandlers = [
  http.get(path, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org } = requireInvitationAdmin(String(params.orgId));
      const query = parse(ListInvitationsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      const q = query.q?.toLowerCase();
      const matching = orgInvitations(org.id).filter(
        (i) => (!query.status || i.status === query.status) && (!q || i.email.toLowerCase().includes(q)),
      );
      const offset = query.cursor ? decodeCursor(query.cursor) : 0;
      const items = matching.slice(offset, offset + query.limit);
      const next = offset + items.length;
      return HttpResponse.json(
        ListInvitationsResponseSchema.parse({
          items,
          nextCursor: next < matching.length ? encodeCursor(next) : null,
          seq: org.seq,
          seats: seatsOf(org),
        }),
      );
    }),
  ),
  http.post(path, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      const raw = await request.text();
      const body = parse(CreateInvitationsSchema, JSON.parse(raw || 'null'));
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      const memo = key ? `${String(params.orgId)}:${person.id}:${key}` : null;
      const earlier = memo ? answered.get(memo) : undefined;
      if (earlier) {
        if (earlier.body !== raw) throw new MockRefusal('VALIDATION_FAILED', 'This key was used for another request');
        return HttpResponse.json(earlier.answer);
      }
      const answer = CreateInvitationsResponseSchema.parse(createInvitations(String(params.orgId), body));
      if (memo) answered.set(memo, { body: raw, answer });
      return HttpResponse.json(answer);
    }),
  ),
  http.patch(`${path}/:id`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const body = parse(UpdateInvitationSchema, await request.json().catch(() => null));
      return HttpResponse.json(InvitationSchema.parse(updateInvitation(String(params.orgId), String(params.id), body)));
    }),
  ),
  reissue('resend'),
  reissue('renew'),
  reissue('link'),
  http.post(`${path}/:id/revoke`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { version } = parse(InvitationVersionSchema, await request.json().catch(() => null));
      return HttpResponse.json(
        InvitationSchema.parse(revokeInvitation(String(params.orgId), String(params.id), version)),
      );
    }),
  ),
];

/**
 * The org's workspaces as the drawer offers them. Listed after any workspaces handlers, so a
 * fuller one (the workspaces pages') answers first when present.
 */
export const invitationWorkspacesFallback = [
  http.get('/api/orgs/:orgId/workspaces', ({ params }) =>
    refusalsAsResponses(() => {
      requireSession();
      const org = findOrg(String(params.orgId));
      if (!org) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
      const items = workspaces.map((w) => ({
        ...w,
        memberCount: org.members.filter((m) => m.workspaces.some((x) => x.id === w.id)).length,
        myRole: null,
        canManage: true,
        createdAt: '2025-01-01T00:00:00.000Z',
        version: 1,
      }));
      return HttpResponse.json(ListWorkspacesResponseSchema.parse({ items, seq: org.seq }));
    }),
  ),
];
