import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../test/invitation-helpers.ts';
import {
  clientFrom,
  cookieOf,
  linkIn,
  mailsTo,
  post,
  signInWith,
  STRONG_PASSWORD,
} from '../../test/account-helpers.ts';
import { createUser, PASSWORD } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const signUp = (email: string, password = STRONG_PASSWORD, name = 'Nova Newcomer') =>
  post(t.server, '/api/auth/sign-up/email', { name, email, password, callbackURL: '/verified' });

describe('sign-up without an invitation (R18)', () => {
  it('creates an unverified account, signs nobody in, and mails a verification link', async () => {
    const email = 'nova.signup@example.test';
    const response = await signUp(email);
    expect(response.status).toBe(200);
    expect(cookieOf(response)).toBe('');
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user.email_verified).toBe(false);
    const mails = await mailsTo(t, email);
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your email address for Roster']);
  });

  it('refuses sign-in until the address is verified, and mails a fresh link', async () => {
    const email = 'nova.refused@example.test';
    await signUp(email);
    const before = (await mailsTo(t, email)).length;
    const response = await signInWith(t.server, email, STRONG_PASSWORD);
    expect(await refusal(response)).toEqual({ status: 403, code: 'EMAIL_NOT_VERIFIED' });
    expect((await mailsTo(t, email)).length).toBe(before + 1);
  });

  it('verifies through the link once: it signs the person in, and a second use signs nobody in', async () => {
    const email = 'nova.verify@example.test';
    await signUp(email);
    const link = linkIn((await mailsTo(t, email)).at(-1), t.server.url);
    const followed = await t.server.app.request(link);
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe('/verified');
    const me = await clientFrom(t.server, followed).get('/api/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: unknown }).user).toMatchObject({ email, emailVerified: true });
    const again = await t.server.app.request(link);
    expect(cookieOf(again)).toBe('');
    expect((await signInWith(t.server, email, STRONG_PASSWORD)).status).toBe(200);
  });

  it('answers an address that has an account exactly like a new one, changes nothing, and tells the owner', async () => {
    const owner = await createUser(t.database.db, 'Owen Owner');
    const fresh = await signUp('fresh.shape@example.test');
    const taken = await signUp(owner.email, 'another strong passphrase 9', 'Mallory');
    expect(taken.status).toBe(fresh.status);
    expect(cookieOf(taken)).toBe('');
    type SignUpBody = { user: Record<string, unknown> };
    const [freshBody, takenBody] = [(await fresh.json()) as SignUpBody, (await taken.json()) as SignUpBody];
    expect(Object.keys(takenBody).sort()).toEqual(Object.keys(freshBody).sort());
    expect(Object.keys(takenBody.user).sort()).toEqual(Object.keys(freshBody.user).sort());
    // The owner's password and name are untouched; the would-be taker's are not theirs.
    expect((await signInWith(t.server, owner.email, PASSWORD)).status).toBe(200);
    expect((await signInWith(t.server, owner.email, 'another strong passphrase 9')).status).toBe(401);
    const row = await t.database.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', owner.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Owen Owner');
    const mails = await mailsTo(t, owner.email);
    expect(mails.map((m) => m.subject)).toEqual(['Someone tried to create a Roster account with your address']);
  });

  it('refuses a common or guessable password with WEAK_PASSWORD and a reason, creating nothing', async () => {
    const email = 'weak.password@example.test';
    const response = await signUp(email, 'password1234');
    const body = (await response.clone().json()) as { error: { message: string } };
    expect(await refusal(response)).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(
      await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a name with control characters or over 100 characters', async () => {
    expect(await refusal(await signUp('ctrl.name@example.test', STRONG_PASSWORD, 'Bad\u0000Name'))).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    expect(await refusal(await signUp('long.name@example.test', STRONG_PASSWORD, 'x'.repeat(101)))).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
  });
});
