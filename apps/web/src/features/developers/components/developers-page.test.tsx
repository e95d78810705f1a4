import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { DevelopersPage } from './developers-page.tsx';

withServerApp();

async function renderDevelopers(person: 'ada' | 'grace' = 'ada') {
  signInAs(person);
  const orgId = await orgIdOf('acme');
  return renderRoute(<DevelopersPage orgId={orgId} orgName="Acme" isAdmin isCreator={person === 'ada'} />);
}

const storedKeys = async () =>
  (await testDb()).selectFrom('api_keys').select(['name', 'prefix', 'key_hash', 'scopes', 'revoked_at']).execute();

describe('DevelopersPage', () => {
  it('creates a key with its scopes, shows it once with Copy, lists it, and revokes it after asking', async () => {
    const { user } = await renderDevelopers();
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });

    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      'Name the key after the program that uses it',
    );
    expect(within(dialog).getByText('Choose at least one scope')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Name'), 'HR sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /members:read/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /invitations:write/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your API key' });
    const key = within(shown).getByLabelText('API key').textContent ?? '';
    expect(key).toMatch(/^rk_[0-9a-f]{8}_[0-9a-f]{64}$/);
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    const [stored] = await storedKeys();
    expect(stored).toMatchObject({ name: 'HR sync', scopes: ['members:read', 'invitations:write'], revoked_at: null });
    expect(stored!.key_hash).not.toContain(key.slice(12));
    await user.click(within(shown).getByRole('button', { name: 'Done' }));

    const row = within(await screen.findByRole('list', { name: 'API keys' })).getByRole('listitem');
    expect(row).toHaveTextContent('HR sync');
    expect(row).toHaveTextContent(`${stored!.prefix}_…`);
    expect(row).toHaveTextContent('members:read, invitations:write');
    expect(row).toHaveTextContent('Never used');
    expect(row).not.toHaveTextContent(key);

    await user.click(within(row).getByRole('button', { name: 'Revoke HR sync' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke HR sync?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'API keys' })).not.toBeInTheDocument());
    expect((await storedKeys())[0]!.revoked_at).not.toBeNull();
  });

  it('offers the admin scope only to the org’s creator', async () => {
    const { user } = await renderDevelopers('grace');
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    expect(within(dialog).getByRole('checkbox', { name: /^admin/ })).toBeDisabled();
    expect(within(dialog).getByRole('checkbox', { name: /members:write/ })).toBeEnabled();
  });
});
