import { http, HttpResponse } from 'msw';
import {
  ListMembersQuerySchema,
  ListMembersResponseSchema,
  RemoveMemberQuerySchema,
  UpdateMemberRoleSchema,
} from '@roster/contracts';
import { changeRole, removeMember } from '../member-rules.ts';
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

/** `GET/PATCH/DELETE` members, answering exactly what the contracts say the server answers. */
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
      return HttpResponse.json(changeRole(org, actorId, String(params.userId), body.role, body.version));
    }),
  ),
  http.delete(`${path}/:userId`, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const { version } = parse(RemoveMemberQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      removeMember(org, actorId, String(params.userId), version);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
