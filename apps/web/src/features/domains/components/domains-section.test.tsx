import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { DomainsSection } from './domains-section.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { verifiedAcmeDomain } from '../test-domains.ts';

withServerApp();

async function renderDomains() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  return { ...renderRoute(<DomainsSection orgId={orgId} orgName="Acme" />), orgId };
}

/** Acme's domains as stored. */
async function storedDomains() {
  return (await testDb())
    .selectFrom('org_domains')
    .select(['domain', 'status', 'enrollment', 'verify_email', 'version'])
    .orderBy('created_at')
    .execute();
}

const notifications = () => screen.findByRole('region', { name: /Notifications/ });

describe('DomainsSection', () => {
  it('checks the address is at the domain, says the server’s refusal of a public domain under it, then adds the company’s', async () => {
    const { user } = await renderDomains();
    expect(await screen.findByText(/No domains yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add domain' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a domain' });
    const domain = within(dialog).getByLabelText('Domain');
    const address = within(dialog).getByLabelText('Send the verification link to');

    await user.type(domain, 'gmail.com');
    await user.type(address, 'it@acme.test');
    await user.click(within(dialog).getByRole('button', { name: 'Send verification link' }));
    expect(address).toHaveAccessibleDescription(
      'The address must be at gmail.com, so its owner proves the domain is yours.',
    );

    await user.clear(address);
    await user.type(address, 'it@gmail.com');
    await user.click(within(dialog).getByRole('button', { name: 'Send verification link' }));
    await waitFor(() =>
      expect(domain).toHaveAccessibleDescription(
        'gmail.com is a public mail domain: anyone can have an address there.',
      ),
    );
    expect(domain).toHaveAttribute('aria-invalid', 'true');
    expect(address).not.toHaveAttribute('aria-invalid');
    expect(await storedDomains()).toEqual([]);

    await user.clear(domain);
    await user.type(domain, 'Acme.test');
    await user.clear(address);
    await user.type(address, 'IT@acme.test');
    await user.click(within(dialog).getByRole('button', { name: 'Send verification link' }));

    expect(
      await within(await notifications()).findByText('Verification link sent to it@acme.test'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const row = within(screen.getByRole('list', { name: 'Domains' })).getByRole('listitem');
    expect(row).toHaveTextContent('acme.testPending verification');
    expect(row).toHaveTextContent('Waiting for the link mailed to it@acme.test to be opened.');
    // Nobody joins through a domain not yet verified: there is no mode to choose.
    expect(within(row).queryByRole('combobox')).not.toBeInTheDocument();
    expect(await storedDomains()).toEqual([
      { domain: 'acme.test', status: 'pending', enrollment: 'off', verify_email: 'it@acme.test', version: 1 },
    ]);
  });

  it('says a domain another organization verified is taken, under the domain field', async () => {
    await verifiedAcmeDomain('acme.test');
    // Ext's own new org tries to claim Acme's verified domain.
    const { org } = await as('ext').post<{ org: { id: string } }>('/api/orgs', { name: 'Partner Co' });
    signInAs('ext');
    const { user } = renderRoute(<DomainsSection orgId={org.id} orgName="Partner Co" />);
    await user.click(await screen.findByRole('button', { name: 'Add domain' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a domain' });
    await user.type(within(dialog).getByLabelText('Domain'), 'acme.test');
    await user.type(within(dialog).getByLabelText('Send the verification link to'), 'it@acme.test');
    await user.click(within(dialog).getByRole('button', { name: 'Send verification link' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Domain')).toHaveAccessibleDescription(
        'Another organization has already verified acme.test.',
      ),
    );
  });

  it('changes who may join through a verified domain at its version, and removes it after asking', async () => {
    await verifiedAcmeDomain('acme.test');
    const { user } = await renderDomains();
    const row = await screen.findByRole('listitem');
    expect(row).toHaveTextContent('acme.testVerified');
    const mode = within(row).getByRole('combobox', { name: 'Who may join through acme.test' });
    expect(mode).toHaveTextContent('Off');

    await user.click(mode);
    await user.click(await screen.findByRole('option', { name: /^Suggest joining/ }));

    await waitFor(() => expect(mode).toHaveTextContent('Suggest joining'));
    expect(await storedDomains()).toEqual([expect.objectContaining({ enrollment: 'suggest', version: 3 })]);

    await user.click(within(row).getByRole('button', { name: 'Remove acme.test' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove acme.test?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove domain' }));

    expect(await screen.findByText(/No domains yet/)).toBeInTheDocument();
    expect(await storedDomains()).toEqual([]);
  });

  it('shows another admin’s newer mode when a change meets theirs, and writes nothing of its own', async () => {
    const domain = await verifiedAcmeDomain('acme.test');
    const { user, orgId } = await renderDomains();
    const mode = await screen.findByRole('combobox', { name: 'Who may join through acme.test' });
    await as('grace').patch(`/api/orgs/${orgId}/domains/${domain.id}`, { enrollment: 'request', version: 2 });

    await user.click(mode);
    await user.click(await screen.findByRole('option', { name: /^Suggest joining/ }));

    expect(await within(await notifications()).findByText('Someone else changed acme.test')).toBeInTheDocument();
    await waitFor(() => expect(mode).toHaveTextContent('Ask admins'));
    expect(await storedDomains()).toEqual([expect.objectContaining({ enrollment: 'request', version: 3 })]);
  });
});
