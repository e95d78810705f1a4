import { vi } from 'vitest';
import type { OrgDomain, OrgDomainResponse } from '@roster/contracts';
import { as, orgIdOf, testDb, type DemoPerson } from '../../test/server-app/index.ts';
import { TEST_ORIGIN } from '../../test/server-app/demo-people.ts';

/** The verification link the server mailed to `address` (the outbox sends it just after the add). */
export async function linkMailedTo(address: string): Promise<URL> {
  const db = await testDb();
  return vi.waitFor(
    async () => {
      const mail = await db
        .selectFrom('dev_mailbox')
        .select('text')
        .where('to', '=', address)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      const link = /(https?:\/\/\S+\/verify-domain\?\S+)/.exec(mail?.text ?? '')?.[1];
      if (!link) throw new Error(`no verification link mailed to ${address} yet`);
      return new URL(link);
    },
    { timeout: 5_000, interval: 50 },
  );
}

/** An admin adds `domain` to their org through the API, as the settings page would. */
export async function addDomain(orgId: string, domain: string, admin: DemoPerson): Promise<OrgDomain> {
  const body = { domain, verifyEmail: `it@${domain}` };
  return (await as(admin).post<OrgDomainResponse>(`/api/orgs/${orgId}/domains`, body)).domain;
}

/** The org's `domain`, added and verified by opening its mailed link (as the same admin), in `enrollment`. */
export async function verifiedDomain(
  orgId: string,
  domain: string,
  enrollment: OrgDomain['enrollment'],
  admin: DemoPerson,
): Promise<OrgDomain> {
  const added = await addDomain(orgId, domain, admin);
  const token = (await linkMailedTo(`it@${domain}`)).searchParams.get('token');
  const path = `/api/orgs/${orgId}/domains/${added.id}`;
  const { domain: verified } = await as(admin).post<OrgDomainResponse>(`${path}/verify`, { token });
  if (enrollment === 'off') return verified;
  return (await as(admin).patch<OrgDomainResponse>(path, { enrollment, version: verified.version })).domain;
}

/** Ada adds `domain` to Acme. */
export async function addAcmeDomain(domain: string): Promise<OrgDomain> {
  return addDomain(await orgIdOf('acme'), domain, 'ada');
}

/** Acme's `domain`, verified (by Grace, another admin) and in `enrollment`. */
export async function verifiedAcmeDomain(domain: string, enrollment: OrgDomain['enrollment'] = 'off') {
  return verifiedDomain(await orgIdOf('acme'), domain, enrollment, 'grace');
}

/**
 * A new person with a verified address, signed in in this browser: signed up as the sign-up page
 * does, their address then marked proven (the mailed link's effect), then signed in.
 */
export async function signInNewPerson(email: string): Promise<void> {
  const password = 'a-long-enough-password-1';
  const post = (path: string, body: unknown) =>
    fetch(`${TEST_ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const signUp = await post('/api/auth/sign-up/email', { name: 'Nora Newcomer', email, password });
  if (!signUp.ok) throw new Error(`sign-up answered ${signUp.status}`);
  await (await testDb()).updateTable('users').set({ email_verified: true }).where('email', '=', email).execute();
  const signIn = await post('/api/auth/sign-in/email', { email, password });
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
}
