import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { MembersPage } from '../../features/members/components/members-page.tsx';
import { renderRoute } from '../../test/render.tsx';
import { memberCountOf, orgIdOf, signInAs, userIdOf, withServerApp } from '../../test/server-app/index.ts';
import { KeyboardShortcuts } from './keyboard-shortcuts.tsx';

withServerApp();

/** The members page in the shell's shortcuts, with a text field of the page's own beside it. */
async function renderMembersWithShortcuts() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const viewerId = await userIdOf('ada');
  const result = renderRoute(
    <>
      <label>
        Note <input />
      </label>
      <MembersPage orgId={orgId} orgName="Acme" viewerId={viewerId} viewerRole="ADMIN" />
      <KeyboardShortcuts />
    </>,
    { path: '/orgs/:orgId/members', url: `/orgs/${orgId}/members` },
  );
  await screen.findByText(`${await memberCountOf(orgId)} members`);
  return result;
}

describe('KeyboardShortcuts', () => {
  it('focuses the page’s search box on "/", without typing the slash into it', async () => {
    const { user } = await renderMembersWithShortcuts();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search members' });
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
  });

  it('leaves "/" and "?" to a text field being typed in', async () => {
    const { user } = await renderMembersWithShortcuts();
    const note = screen.getByRole('textbox', { name: 'Note' });
    await user.type(note, 'a/b?');
    expect(note).toHaveFocus();
    expect(note).toHaveValue('a/b?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lists the shortcuts on "?", and Escape closes the list and returns focus', async () => {
    const { user } = await renderMembersWithShortcuts();
    const sort = screen.getByRole('button', { name: /Joined/ });
    sort.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const keys = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(keys).toEqual(['/', '?', 'Esc', 'Esc']);
    expect(within(dialog).getByText('Search this page')).toBeInTheDocument();
    expect(within(dialog).getByText('Close a dialog or menu')).toBeInTheDocument();

    // Open, the dialog keeps its keys: "/" does not reach for the search box behind it.
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search members', hidden: true })).not.toHaveFocus();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sort).toHaveFocus();
  });
});
