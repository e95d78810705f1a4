import { expect } from 'vitest';
import { CreateInvitationsResponseSchema, type InvitationGrantInput, type OrgRole } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';
import type { ApiClient } from './test-server.ts';

/** A member proposes one invitation under `members_request`; returns the request's id. */
export async function requestInvitation(
  member: ApiClient,
  orgId: string,
  email: string,
  terms: { role?: OrgRole; lite?: boolean; workspaces?: InvitationGrantInput[] } = {},
): Promise<string> {
  const response = await member.post(`/api/orgs/${orgId}/invitations`, { emails: [email], role: 'MEMBER', ...terms });
  expect(response.status).toBe(200);
  const [result] = CreateInvitationsResponseSchema.parse(await response.json()).results;
  expect(result).toMatchObject({ status: 'requested' });
  return result!.invitationId!;
}

export const requestsUrl = (orgId: string, id?: string) => `/api/orgs/${orgId}/invite-requests${id ? `/${id}` : ''}`;

export async function invitationRow(db: Db, id: string) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function outboxRows(db: Db, invitationId: string) {
  return db.selectFrom('outbox').selectAll().where('invitation_id', '=', invitationId).execute();
}
