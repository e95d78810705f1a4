import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFrom, linkIn, mailsTo, signInWith } from '../../test/account-helpers.ts';
import { createOrg, createUser, PASSWORD, type TestOrg } from '../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
let org: TestOrg;
beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
});
afterAll(() => t.close());

describe('changing one’s email address', () => {
  it('changes nothing until the new address follows its link; the old one is told', async () => {
    const linus = org.people.linus!;
    const newEmail = `linus.new.${Date.now()}@example.test`;
    const client = await t.signIn(linus.email);
    const asked = await client.post('/api/auth/change-email', { newEmail, callbackURL: '/account' });
    expect(asked.status).toBe(200);

    const notice = await mailsTo(t, linus.email);
    expect(notice.map((m) => m.subject)).toEqual(['Your Roster email address is about to change']);
    expect(notice[0]!.text).toContain(newEmail);
    expect((await signInWith(t.server, linus.email, PASSWORD)).status).toBe(200);
    expect((await signInWith(t.server, newEmail, PASSWORD)).status).toBe(401);

    const ada = await t.signIn(org.people.ada!.email);
    const adminSocket = ada.socket();
    await ready(adminSocket, org.id);
    const updated = nextEvent(adminSocket, 'member.updated');

    const link = linkIn((await mailsTo(t, newEmail)).at(-1), t.server.url);
    const followed = await client.request('GET', link);
    expect(followed.status).toBe(302);
    expect((await signInWith(t.server, newEmail, PASSWORD)).status).toBe(200);
    expect((await signInWith(t.server, linus.email, PASSWORD)).status).toBe(401);

    // The members list's copy follows, live for every admin.
    const event = await updated;
    expect(event.data.member).toMatchObject({ userId: linus.id, email: newEmail });
    const copy = await t.database.db
      .selectFrom('org_members')
      .select('email')
      .where('user_id', '=', linus.id)
      .executeTakeFirstOrThrow();
    expect(copy.email).toBe(newEmail);
    // The link worked once.
    expect((await clientFrom(t.server, await t.server.app.request(link)).get('/api/me')).status).toBe(401);
  });

  it('answers alike for a taken address and mails nobody there', async () => {
    const other = await createUser(t.database.db, 'Tara Taken');
    const ada = await t.signIn(org.people.ada!.email);
    const response = await ada.post('/api/auth/change-email', { newEmail: other.email });
    expect(response.status).toBe(200);
    expect(await mailsTo(t, other.email)).toEqual([]);
  });
});
