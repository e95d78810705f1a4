import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrgSettingsResponseSchema, type OrgSettings } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { invitationRows, refusal } from '../../../test/invitation-helpers.ts';
import { requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Ada administers; Linus and Mia are members under the default members_request. */
async function setup(settings: Partial<OrgSettings> = {}) {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER', mia: 'MEMBER' }, { settings });
  const [ada, linus, mia] = await Promise.all(['ada', 'linus', 'mia'].map((k) => t.signIn(org.people[k]!.email)));
  return { org, ada: ada!, linus: linus!, mia: mia!, url: `/api/orgs/${org.id}/invitations` };
}

const waiting = async (orgId: string, userId: string) =>
  (await invitationRows(t.database.db, orgId)).filter((r) => r.invited_by === userId && r.status === 'requested');

describe('pending requests per member', () => {
  it('is a setting, 10 by default, editable by admins within bounds', async () => {
    const { org, ada } = await setup();
    const url = `/api/orgs/${org.id}/settings`;
    const read = OrgSettingsResponseSchema.parse(await (await ada.get(url)).json());
    expect(read.settings.maxPendingRequestsPerMember).toBe(10);
    for (const bad of [0, 101, 2.5]) {
      const response = await ada.patch(url, { maxPendingRequestsPerMember: bad, version: read.version });
      expect(await refusal(response)).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    const saved = await ada.patch(url, { maxPendingRequestsPerMember: 3, version: read.version });
    expect(saved.status).toBe(200);
    expect(OrgSettingsResponseSchema.parse(await saved.json()).settings.maxPendingRequestsPerMember).toBe(3);
  });

  it('refuses a request past the limit with REQUEST_LIMIT (the whole batch), per member, until one is decided', async () => {
    const { org, ada, linus, mia, url } = await setup({ maxPendingRequestsPerMember: 2 });
    const first = await requestInvitation(linus, org.id, 'a@example.test');
    await requestInvitation(linus, org.id, 'b@example.test');
    const refused = await linus.post(url, { emails: ['c@example.test'], role: 'MEMBER' });
    expect(refused.status).toBe(429);
    expect(ErrorBodySchema.parse(await refused.json()).error).toMatchObject({
      code: 'REQUEST_LIMIT',
      details: { limit: 2, current: 2, max: 0 },
    });
    // Another member has their own allowance.
    await requestInvitation(mia, org.id, 'c@example.test');
    expect(
      await refusal(await mia.post(url, { emails: ['d@example.test', 'e@example.test'], role: 'MEMBER' })),
    ).toEqual({ status: 429, code: 'REQUEST_LIMIT' });
    expect(await waiting(org.id, org.people.mia!.id)).toHaveLength(1);
    // A decided request no longer counts.
    expect((await ada.post(`${requestsUrl(org.id, first)}/reject`, { version: 1 })).status).toBe(200);
    await requestInvitation(linus, org.id, 'f@example.test');
    expect(await waiting(org.id, org.people.linus!.id)).toHaveLength(2);
  });

  it('does not count invitations members send directly under "anyone", nor admins', async () => {
    const { ada, linus, url } = await setup({ invitePolicy: 'anyone', maxPendingRequestsPerMember: 1 });
    for (const who of [linus, ada]) {
      const response = await who.post(url, { emails: ['x@example.test', 'y@example.test'], role: 'MEMBER' });
      expect(response.status).toBe(200);
    }
  });

  it('holds under a race: five requests at once against a limit of three make exactly three', async () => {
    const { org, linus, url } = await setup({ maxPendingRequestsPerMember: 3 });
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => linus.post(url, { emails: [`race${i}@example.test`], role: 'MEMBER' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    for (const response of responses.filter((r) => r.status === 429)) {
      expect((await refusal(response)).code).toBe('REQUEST_LIMIT');
    }
    expect(await waiting(org.id, org.people.linus!.id)).toHaveLength(3);
  });
});
