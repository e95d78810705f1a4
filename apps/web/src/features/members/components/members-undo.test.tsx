import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { MembersPage } from './members-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { server } from '../../../mocks/server.ts';
import { findOrg } from '../../../mocks/db.ts';
import { changeRole } from '../../../mocks/member-rules.ts';
import { demoPeople } from '../../../mocks/fixtures/people.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';

const ORG = 'org_acme';
const linusOf = () => findOrg(ORG)!.members.find((m) => m.userId === demoPeople.linus.id);

function renderMembers(url = `/orgs/${ORG}/members?q=linus`) {
  const viewer = signInAs('ada');
  return renderRoute(<MembersPage orgId={ORG} orgName="Acme" viewerId={viewer.id} viewerRole="ADMIN" />, {
    path: '/orgs/:orgId/members',
    url,
  });
}

/** Every undo the handlers answer, by the event seq it asked for. */
function recordUndoRequests() {
  const seen: number[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === `/api/orgs/${ORG}/members/undo`) {
      seen.push(((await request.clone().json()) as { eventSeq: number }).eventSeq);
    }
  });
  return seen;
}

/**
 * The toast that holds `title`, as a container to look inside, once the menu or dialog that made
 * the change has let go of the page (they block pointer events outside them while open).
 */
async function toastWith(title: string) {
  const viewport = screen.getByRole('region', { name: /Notifications/ });
  const toast = (await within(viewport).findByText(title)).closest('li') as HTMLElement;
  await waitFor(() => expect(document.body.style.pointerEvents).not.toBe('none'));
  return toast;
}

async function makeLinusAdmin(user: ReturnType<typeof renderMembers>['user']) {
  await user.click(await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' }));
  await user.click(await screen.findByRole('option', { name: /Admin/ }));
  return toastWith('Linus Torvalds is now Admin');
}

describe('Undo after a change', () => {
  it('names a role change and undoes it from the toast', async () => {
    const undos = recordUndoRequests();
    const { user } = renderMembers();
    const toast = await makeLinusAdmin(user);
    const seq = findOrg(ORG)!.seq;

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Linus Torvalds is Member again')).toBeInTheDocument();
    expect(undos).toEqual([seq]);
    expect(linusOf()).toMatchObject({ role: 'MEMBER' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('Member'),
    );
    expect(screen.queryByText('Linus Torvalds is now Admin')).not.toBeInTheDocument();
  });

  it('names a removal and puts the person back, workspaces and all', async () => {
    const { user } = renderMembers();
    const before = linusOf()!;
    await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Linus Torvalds from Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Linus Torvalds' }));
    const toast = await toastWith('Removed Linus Torvalds from Acme');
    expect(linusOf()).toBeUndefined();

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Linus Torvalds is back in Acme')).toBeInTheDocument();
    expect(linusOf()).toMatchObject({ role: before.role, workspaces: before.workspaces, version: before.version + 1 });
    expect(await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('Member');
  });

  it('explains a conflict in plain words when someone changed the row since', async () => {
    const { user } = renderMembers();
    const toast = await makeLinusAdmin(user);
    // Meanwhile, Grace makes Linus an external.
    changeRole(findOrg(ORG)!, demoPeople.grace.id, demoPeople.linus.id, 'EXTERNAL', linusOf()!.version);

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Someone else got there first')).toBeInTheDocument();
    expect(
      screen.getByText(/^Grace Hopper set Linus Torvalds to External .*, so nothing was undone\.$/),
    ).toBeInTheDocument();
    expect(linusOf()).toMatchObject({ role: 'EXTERNAL' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('External'),
    );
  });

  it('says who undid it first when another admin already did', async () => {
    server.use(
      http.post(`/api/orgs/:orgId/members/undo`, () =>
        errorResponse('ALREADY_REVERTED', 'done', {
          revertedBy: { id: demoPeople.grace.id, name: 'Grace Hopper' },
          revertedAt: new Date().toISOString(),
          seq: 99,
        }),
      ),
    );
    const { user } = renderMembers();
    const toast = await makeLinusAdmin(user);

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Couldn’t undo')).toBeInTheDocument();
    expect(screen.getByText('Grace Hopper already undid this change.')).toBeInTheDocument();
  });
});
