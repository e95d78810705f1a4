import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderRoute } from '../../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { OrgIdentitySection } from './org-identity-section.tsx';

withServerApp();

async function orgRow(orgId: string) {
  return (await testDb())
    .selectFrom('organizations')
    .select(['name', 'slug', 'version'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
}

describe('OrgIdentitySection', () => {
  it('renames the org and changes its slug at the version it loaded', async () => {
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    const { user } = renderRoute(<OrgIdentitySection orgId={orgId} />);
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveValue('Acme'));
    await user.clear(name);
    await user.type(name, 'Acme Labs');
    const slug = screen.getByRole('textbox', { name: /URL slug/ });
    await user.clear(slug);
    await user.type(slug, 'acme-labs');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    await waitFor(async () => expect(await orgRow(orgId)).toMatchObject({ name: 'Acme Labs', slug: 'acme-labs' }));
    // The saved version is the form's new starting point: nothing left to save.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save name' })).toBeDisabled());
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Acme Labs');
  });

  it('on a version conflict, loads the other change instead of overwriting it', async () => {
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    const { user } = renderRoute(<OrgIdentitySection orgId={orgId} />);
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveValue('Acme'));
    const { version } = await orgRow(orgId);
    await as('ada').patch(`/api/orgs/${orgId}`, { name: 'Acme Corporation', version });

    await user.clear(name);
    await user.type(name, 'Acme Labs');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Acme Corporation'));
    expect((await orgRow(orgId)).name).toBe('Acme Corporation');
  });
});
