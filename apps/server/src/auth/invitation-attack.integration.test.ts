import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, tokenIn } from '../../test/invitation-helpers.ts';
import { clientFrom, cookieOf, mailsTo, post, signInWith, STRONG_PASSWORD } from '../../test/account-helpers.ts';
import { createOrg, createUser, type TestOrg } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
let org: TestOrg;
beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(t.database.db, { ada: 'ADMIN' });
});
afterAll(() => t.close());

async function inviteAdmin(email: string) {
  const ada = await t.signIn(org.people.ada!.email);
  const response = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: [email], role: 'ADMIN' });
  expect(response.status).toBe(200);
}

const isMember = async (email: string) =>
  Boolean(
    await t.database.db
      .selectFrom('org_members')
      .select('user_id')
      .where('org_id', '=', org.id)
      .where('email', '=', email)
      .executeTakeFirst(),
  );

describe('a stranger cannot take an invitation meant for an address they do not own (R18)', () => {
  it('signing up as the invited address grants nothing: no session, no sign-in', async () => {
    const email = 'newhire@example.test';
    await inviteAdmin(email);
    const stranger = await post(t.server, '/api/auth/sign-up/email', {
      name: 'Mallory',
      email,
      password: STRONG_PASSWORD,
    });
    expect(stranger.status).toBe(200);
    expect(cookieOf(stranger)).toBe('');
    expect(await refusal(await signInWith(t.server, email, STRONG_PASSWORD))).toEqual({
      status: 403,
      code: 'EMAIL_NOT_VERIFIED',
    });
    expect(await isMember(email)).toBe(false);
  });

  it('an unverified session (from before verification existed) sees no invitation and cannot accept one', async () => {
    const squatter = await createUser(t.database.db, 'Sid Squatter');
    await inviteAdmin(squatter.email);
    const client = await t.signIn(squatter.email);
    await t.database.db.updateTable('users').set({ email_verified: false }).where('id', '=', squatter.id).execute();
    const inbox = (await (await client.get('/api/me/invitations')).json()) as { items: unknown[] };
    expect(inbox.items).toEqual([]);
    const invitation = await t.database.db
      .selectFrom('invitations')
      .select('id')
      .where('email_lower', '=', squatter.email)
      .executeTakeFirstOrThrow();
    expect(await refusal(await client.post(`/api/me/invitations/${invitation.id}/accept`))).toEqual({
      status: 403,
      code: 'EMAIL_NOT_VERIFIED',
    });
    expect(await refusal(await client.post(`/api/me/invitations/${invitation.id}/decline`))).toEqual({
      status: 403,
      code: 'EMAIL_NOT_VERIFIED',
    });
    expect(await isMember(squatter.email)).toBe(false);
  });

  it('the mailed link proves its own address: accepting through it verifies the account', async () => {
    const owner = await createUser(t.database.db, 'Lina Link');
    await inviteAdmin(owner.email);
    const client = await t.signIn(owner.email);
    await t.database.db.updateTable('users').set({ email_verified: false }).where('id', '=', owner.id).execute();
    const token = tokenIn((await mailsTo(t, owner.email)).at(-1)!.text);
    expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    const row = await t.database.db
      .selectFrom('users')
      .select('email_verified')
      .where('id', '=', owner.id)
      .executeTakeFirstOrThrow();
    expect(row.email_verified).toBe(true);
    expect(await isMember(owner.email)).toBe(true);
  });
});

describe('sign-up from an invitation link (R8)', () => {
  it('creates the invited address’s account verified and signed in, ready to accept', async () => {
    const email = 'ivy.invited@example.test';
    await inviteAdmin(email);
    const token = tokenIn((await mailsTo(t, email)).at(-1)!.text);
    const response = await post(t.server, `/api/invitations/${token}/sign-up`, {
      name: 'Ivy Invited',
      password: STRONG_PASSWORD,
    });
    expect(response.status).toBe(200);
    const client = clientFrom(t.server, response);
    const me = (await (await client.get('/api/me')).json()) as { user: { email: string; emailVerified: boolean } };
    expect(me.user).toMatchObject({ email, emailVerified: true });
    expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    expect(await isMember(email)).toBe(true);
    // Nothing else was mailed: the link was the proof.
    expect((await mailsTo(t, email)).map((m) => m.subject)).toHaveLength(1);
  });

  it('refuses a second account for the address, also when two race', async () => {
    const email = 'race.signup@example.test';
    await inviteAdmin(email);
    const token = tokenIn((await mailsTo(t, email)).at(-1)!.text);
    const body = { name: 'Racer', password: STRONG_PASSWORD };
    const results = await Promise.all([
      post(t.server, `/api/invitations/${token}/sign-up`, body),
      post(t.server, `/api/invitations/${token}/sign-up`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(await refusal(refused)).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' });
    const accounts = await t.database.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(accounts).toHaveLength(1);
  });

  it('refuses a weak password and an unknown link', async () => {
    const email = 'weak.invited@example.test';
    await inviteAdmin(email);
    const token = tokenIn((await mailsTo(t, email)).at(-1)!.text);
    const weak = await post(t.server, `/api/invitations/${token}/sign-up`, { name: 'Weak', password: 'qwertyuiop1' });
    expect(await refusal(weak)).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
    const unknown = await post(t.server, `/api/invitations/${'x'.repeat(43)}/sign-up`, {
      name: 'Nobody',
      password: STRONG_PASSWORD,
    });
    expect(await refusal(unknown)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});
