import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, RosterEventSchema } from '@roster/contracts';
import { createOrg, createUser } from '../../../test/factories.ts';
import { eventRows } from '../../../test/invitation-helpers.ts';
import { invitationRow, outboxRows, requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { nextEvent, ready, recordEvents, startTestServer, type TestServer } from '../../../test/test-server.ts';

// Truly concurrent decisions at the real app, and what each person's open tabs are told.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function setup() {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER', mary: 'MEMBER' });
  const people = ['ada', 'grace', 'linus', 'mary'].map((k) => t.signIn(org.people[k]!.email));
  const [ada, grace, linus, mary] = await Promise.all(people);
  return { org, ada: ada!, grace: grace!, linus: linus!, mary: mary! };
}

describe('two admins deciding one request at once (R15)', () => {
  it('lets exactly one approval win; the other is told who decided', async () => {
    const { org, ada, grace, linus } = await setup();
    const id = await requestInvitation(linus, org.id, 'ann@example.test');
    const url = requestsUrl(org.id, id);
    const responses = await Promise.all([
      ada.post(`${url}/approve`, { version: 1 }),
      grace.post(`${url}/approve`, { version: 1 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = responses[0].status === 200 ? org.people.ada! : org.people.grace!;
    const { error } = ErrorBodySchema.parse(await responses.find((r) => r.status === 409)!.json());
    expect(error).toMatchObject({
      code: 'ALREADY_DECIDED',
      details: { decidedBy: { id: winner.id, name: winner.name }, status: 'pending' },
    });
    expect(await invitationRow(t.database.db, id)).toMatchObject({ version: 2, request_decided_by: winner.id });
    expect(await outboxRows(t.database.db, id)).toHaveLength(1);
    const decisions = (await eventRows(t.database.db, org.id)).filter((e) => e.type.startsWith('invite_request.'));
    expect(decisions).toHaveLength(1);
  });

  it('lets one of an approval and a rejection racing each other win', async () => {
    const { org, ada, grace, linus } = await setup();
    const id = await requestInvitation(linus, org.id, 'bob@example.test');
    const url = requestsUrl(org.id, id);
    const responses = await Promise.all([
      ada.post(`${url}/approve`, { version: 1 }),
      grace.post(`${url}/reject`, { version: 1 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await invitationRow(t.database.db, id);
    expect(row.status).toBe(responses[0].status === 200 ? 'pending' : 'rejected');
  });
});

describe('live decisions', () => {
  it('tell the requester’s tabs their own request, admins the org event, and plain members nothing', async () => {
    const { org, ada, grace, linus, mary } = await setup();
    const invitee = await createUser(t.database.db, 'Ann Invitee');
    const ann = await t.signIn(invitee.email);
    const [graceSocket, linusSocket, marySocket, annSocket] = [grace, linus, mary, ann].map((c) => c.socket());
    await Promise.all([graceSocket, linusSocket, marySocket, annSocket].map((s) => ready(s!, org.id)));
    const id = await requestInvitation(linus, org.id, invitee.email);
    const [graceSaw, linusSaw, marySaw] = [
      recordEvents(graceSocket!),
      recordEvents(linusSocket!),
      recordEvents(marySocket!),
    ];
    const approved = nextEvent(graceSocket!, 'invite_request.approved');
    const decided = nextEvent(linusSocket!, 'invite_request.decided');
    const received = nextEvent(annSocket!, 'invitation.received');
    expect((await ada.post(`${requestsUrl(org.id, id)}/approve`, { version: 1, role: 'EXTERNAL' })).status).toBe(200);
    expect(await approved).toMatchObject({
      orgId: org.id,
      actor: { name: 'Ada Tester' },
      data: {
        invitation: { id, status: 'pending', role: 'EXTERNAL' },
        decision: { outcome: 'approved', decidedBy: { name: 'Ada Tester' }, reason: null },
      },
    });
    expect(await decided).toMatchObject({
      orgId: org.id,
      seq: null,
      data: {
        request: { id, status: 'pending', outcome: 'approved', role: 'EXTERNAL', decidedBy: { name: 'Ada Tester' } },
      },
    });
    expect(await received).toMatchObject({ data: { invitation: { id, role: 'EXTERNAL' } } });
    await settle();
    expect(marySaw).toEqual([]);
    expect(linusSaw.map((e) => e.type)).toEqual(['invite_request.decided']);
    expect(graceSaw.map((e) => e.type)).toContain('invite_request.approved');
    const tokenHash = (await invitationRow(t.database.db, id)).token_hash!;
    for (const event of [...graceSaw, ...linusSaw]) {
      expect(RosterEventSchema.safeParse(event).success).toBe(true);
      expect(JSON.stringify(event)).not.toContain(tokenHash);
    }
    expect(JSON.stringify(linusSaw)).not.toContain(org.people.ada!.email);
  });

  it('tells the requester of a rejection, with the reason', async () => {
    const { org, ada, linus } = await setup();
    const socket = linus.socket();
    await ready(socket, org.id);
    const id = await requestInvitation(linus, org.id, 'cy@example.test');
    const decided = nextEvent(socket, 'invite_request.decided');
    await ada.post(`${requestsUrl(org.id, id)}/reject`, { version: 1, reason: 'Use the shared account' });
    expect(await decided).toMatchObject({
      data: { request: { id, status: 'rejected', outcome: 'rejected', reason: 'Use the shared account' } },
    });
  });
});
