import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CreateInvitationsResponseSchema, InvitationLinkSchema, RosterEventSchema } from '@roster/contracts';
import { createOrg, createUser } from '../../../test/factories.ts';
import {
  connected,
  nextEvent,
  ready,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('live invitations', () => {
  it('reach admins and the invitee’s own tabs, never members; carry no token; withdraw on revoke', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const invitee = await createUser(t.database.db, 'Ann Invitee');
    const [ada, grace, linus, ann] = await Promise.all(
      [org.people.ada!.email, org.people.grace!.email, org.people.linus!.email, invitee.email].map((e) => t.signIn(e)),
    );
    const [graceSocket, linusSocket, annSocket] = [grace!.socket(), linus!.socket(), ann!.socket()];
    await ready(graceSocket, org.id);
    await Promise.all([ready(linusSocket, org.id), ready(annSocket, org.id)]);
    const graceSaw = recordEvents(graceSocket);
    const linusSaw = recordEvents(linusSocket);
    const annSaw = recordEvents(annSocket);
    const created = nextEvent(graceSocket, 'invitation.created');
    const received = nextEvent(annSocket, 'invitation.received');
    const delivered = nextEvent(graceSocket, 'invitation.delivery_changed');
    const response = await ada!.post(`/api/orgs/${org.id}/invitations`, { emails: [invitee.email], role: 'MEMBER' });
    const id = CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.invitationId!;
    expect(await created).toMatchObject({
      orgId: org.id,
      seq: 1,
      data: { invitation: { id, email: invitee.email, status: 'pending', delivery: { state: 'queued' } } },
    });
    expect(await received).toMatchObject({
      orgId: org.id,
      seq: null,
      data: { invitation: { id, orgId: org.id, inviterName: 'Ada Tester', role: 'MEMBER' } },
    });
    expect(await delivered).toMatchObject({
      data: { invitationId: id, delivery: { state: 'sent' } },
    });
    const { url, invitation } = InvitationLinkSchema.parse(
      await (await ada!.post(`/api/orgs/${org.id}/invitations/${id}/link`, {})).json(),
    );
    const withdrawn = nextEvent(annSocket, 'invitation.withdrawn');
    await ada!.post(`/api/orgs/${org.id}/invitations/${id}/revoke`, { version: invitation.version });
    expect(await withdrawn).toMatchObject({ seq: null, data: { invitationId: id, reason: 'revoked' } });
    await vi.waitFor(() => expect(graceSaw.map((e) => e.type)).toContain('invitation.revoked'));
    await settle();
    expect(linusSaw).toEqual([]);
    expect(graceSaw.map((e) => e.type)).toEqual([
      'invitation.created',
      'invitation.delivery_changed',
      'invitation.link_issued',
      'invitation.revoked',
    ]);
    expect(annSaw.map((e) => e.type)).toEqual(['invitation.received', 'invitation.received', 'invitation.withdrawn']);
    const token = url.split('/invitations/')[1]!;
    for (const event of [...graceSaw, ...annSaw]) {
      expect(RosterEventSchema.safeParse(event).success).toBe(true);
      expect(JSON.stringify(event)).not.toContain(token);
    }
  });

  it('puts a new admin’s sockets in the admin room on accept, and tells admins who joined', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const invitee = await createUser(t.database.db, 'Ann Invitee');
    const ada = await t.signIn(org.people.ada!.email);
    const ann = await t.signIn(invitee.email);
    const [adaSocket, annSocket] = [ada.socket(), ann.socket()];
    await Promise.all([ready(adaSocket, org.id), connected(annSocket)]);
    const created = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: [invitee.email], role: 'ADMIN' });
    const id = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
    await t.server.mail.worker.drain();
    const joined = nextEvent(adaSocket, 'member.joined');
    const withdrawn = nextEvent(annSocket, 'invitation.withdrawn');
    expect((await ann.post(`/api/me/invitations/${id}/accept`)).status).toBe(200);
    expect(await joined).toMatchObject({ data: { member: { userId: invitee.id, role: 'ADMIN', version: 1 } } });
    expect(await withdrawn).toMatchObject({ data: { invitationId: id, reason: 'accepted' } });
    // From now on Ann's open tab receives the org's events like any admin's.
    const annGets = nextEvent(annSocket, 'invitation.created');
    await ada.post(`/api/orgs/${org.id}/invitations`, { emails: ['next@example.test'], role: 'MEMBER' });
    expect(await annGets).toMatchObject({ data: { invitation: { email: 'next@example.test' } } });
  });

  it('tells admins live when the sweeper expires an invitation', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' }, { settings: { inviteTtlHours: 1 } });
    const ada = await t.signIn(org.people.ada!.email);
    const socket = ada.socket();
    await ready(socket, org.id);
    const created = await ada.post(`/api/orgs/${org.id}/invitations`, {
      emails: ['soon@example.test'],
      role: 'MEMBER',
    });
    const id = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
    const expired = nextEvent(socket, 'invitation.expired');
    t.clock.advance(3_600_001);
    await t.server.expirySweeper.sweep();
    expect(await expired).toMatchObject({ actor: { id: 'system' }, data: { invitation: { id, status: 'expired' } } });
  });
});
