import { http, HttpResponse } from 'msw';
import {
  EVENT_SEQ_HEADER,
  ListMembersQuerySchema,
  ListMembersResponseSchema,
  RemoveMemberQuerySchema,
  UndoMemberChangeSchema,
  UpdateMemberRoleSchema,
} from '@roster/contracts';
import type { MockOrg } from '../db.ts';
import { changeRole, removeMember } from '../member-rules.ts';
import { undoChange } from '../member-undo-rules.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { listMembersPage } from './members-list.ts';
import { requireAdminOf } from './session.ts';

const path = '/api/orgs/:orgId/members';

function parse<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'The request is not valid');
  return parsed.data;
}

/** Names the event a change wrote, as the server does, when it wrote one. */
function eventSeqHeader(org: MockOrg, seqBefore: number): Record<string, string> {
  return org.seq === seqBefore ? {} : { [EVENT_SEQ_HEADER]: String(org.seq) };
}

/** `GET/PATCH/DELETE` members and undo, answering exactly what the contracts say the server answers. */
export const membersHandlers = [
  http.get(path, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org } = requireAdminOf(params.orgId);
      const query = parse(ListMembersQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      return HttpResponse.json(ListMembersResponseSchema.parse(listMembersPage(org, query)));
    }),
  ),
  http.patch(`${path}/:userId`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const body = parse(UpdateMemberRoleSchema, await request.json().catch(() => null));
      const seqBefore = org.seq;
      const member = changeRole(org, actorId, String(params.userId), body.role, body.version);
      return HttpResponse.json(member, { headers: eventSeqHeader(org, seqBefore) });
    }),
  ),
  http.post(`${path}/undo`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const { eventSeq } = parse(UndoMemberChangeSchema, await request.json().catch(() => null));
      return HttpResponse.json(undoChange(org, actorId, eventSeq));
    }),
  ),
  http.delete(`${path}/:userId`, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const { version } = parse(RemoveMemberQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      const seqBefore = org.seq;
      removeMember(org, actorId, String(params.userId), version);
      return new HttpResponse(null, { status: 204, headers: eventSeqHeader(org, seqBefore) });
    }),
  ),
];
