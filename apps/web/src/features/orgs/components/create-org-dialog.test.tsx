import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { NoOrganizationsRoute } from '../../../app/routes/no-organizations-route.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

function renderWelcome() {
  return renderRoute(<NoOrganizationsRoute />, {
    routes: [{ path: '/o/:slug/members', element: <p>Members page</p> }],
  });
}

async function openCreateDialog(user: ReturnType<typeof renderWelcome>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Create organization' }));
  return screen.findByRole('dialog', { name: 'Create an organization' });
}

describe('CreateOrgDialog', () => {
  it('derives the URL slug from the name as it is typed, until the slug is edited by hand', async () => {
    signInAs('ada');
    const { user } = renderWelcome();
    const dialog = await openCreateDialog(user);
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    const slug = within(dialog).getByRole('textbox', { name: /URL slug/ });

    await user.type(name, 'Café Ünïted  Labs!');
    expect(slug).toHaveValue('cafe-united-labs');

    await user.clear(slug);
    await user.type(slug, 'cul');
    await user.type(name, ' 2');
    expect(slug).toHaveValue('cul');
  });

  it('says under the slug that it is taken, takes the offered one on a click, and opens the new org as its admin', async () => {
    signInAs('ada');
    const { user, router } = renderWelcome();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    expect(await within(dialog).findByText('Another organization already uses this address.')).toBeInTheDocument();
    const slug = within(dialog).getByRole('textbox', { name: /URL slug/ });
    expect(slug).toHaveAttribute('aria-invalid', 'true');
    const use = within(dialog).getByRole('button', { name: /^Use / });
    const suggestion = use.textContent.replace(/^Use /, '');
    expect(suggestion).not.toBe('acme');

    await user.click(use);
    expect(slug).toHaveValue(suggestion);
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    expect(await screen.findByText('Members page')).toBeInTheDocument();
    const db = await testDb();
    const org = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('slug', '=', suggestion)
      .executeTakeFirstOrThrow();
    expect(org.name).toBe('Acme');
    expect(router.state.location.pathname).toBe(`/o/${suggestion}/members`);
    const membership = await db
      .selectFrom('org_members')
      .select('role')
      .where('org_id', '=', org.id)
      .where('user_id', '=', await userIdOf('ada'))
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('ADMIN');
  });

  it('refuses a reserved address under the slug, in the words the server uses too', async () => {
    signInAs('ada');
    const { user } = renderWelcome();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Admin');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    expect(await within(dialog).findByText('This address is reserved; choose another')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /URL slug/ })).toHaveAttribute('aria-invalid', 'true');
  });
});
