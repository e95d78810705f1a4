import { describe, expect, it, onTestFinished } from 'vitest';
import { screen } from '@testing-library/react';
import { VerifyDomainPage } from './verify-domain-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { addAcmeDomain, linkMailedTo } from '../test-domains.ts';

withServerApp();

/** Opens the page at the mailed link's address, its parameters read as the route reads them. */
function openLink(link: URL, orgName?: string) {
  const param = (name: string) => link.searchParams.get(name) ?? '';
  return renderRoute(
    <VerifyDomainPage orgId={param('org')} domainId={param('domain')} token={param('token')} orgName={orgName} />,
    { path: '/verify-domain', url: `${link.pathname}${link.search}` },
  );
}

/** How many verify requests the page sends. */
function countVerifies() {
  const sent = { count: 0 };
  const count = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/verify')) sent.count++;
  };
  server.events.on('request:start', count);
  onTestFinished(() => server.events.removeListener('request:start', count));
  return sent;
}

const storedStatus = async () =>
  (await testDb()).selectFrom('org_domains').select(['status', 'verified_at']).executeTakeFirstOrThrow();

describe('VerifyDomainPage', () => {
  it('verifies the domain with the mailed link’s token, once, and names the org', async () => {
    const added = await addAcmeDomain('acme.test');
    const link = await linkMailedTo('it@acme.test');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      org: await orgIdOf('acme'),
      domain: added.id,
      token: expect.any(String),
    });
    // Whoever reads that mailbox opens it; here a member who is not an admin.
    signInAs('linus');
    const sent = countVerifies();

    openLink(link, 'Acme');

    expect(await screen.findByRole('heading', { name: 'acme.test is verified for Acme' })).toBeInTheDocument();
    expect(sent.count).toBe(1);
    expect(await storedStatus()).toEqual({ status: 'verified', verified_at: expect.any(Date) });
  });

  it('says a link whose token does not match does not work, and verifies nothing', async () => {
    await addAcmeDomain('acme.test');
    const link = await linkMailedTo('it@acme.test');
    link.searchParams.set('token', `${link.searchParams.get('token')}x`);
    signInAs('linus');

    openLink(link);

    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
    expect(await storedStatus()).toEqual({ status: 'pending', verified_at: null });
  });
});
