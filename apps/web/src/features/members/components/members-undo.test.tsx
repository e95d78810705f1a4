import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

/** Linus's membership of Acme as stored: role, version and workspace grants (undefined once removed). */
async function linusOf() {
  const db = await testDb();
  const orgId = await orgIdOf('acme');
  const linusId = await userIdOf('linus');
  const member = await db
    .selectFrom('org_members')
    .select(['role', 'version'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', linusId)
    .executeTakeFirst();
  if (!member) return undefined;
  const grants = await db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', linusId)
    .orderBy('workspace_id')
    .execute();
  return { ...member, workspaces: grants };
}

async function headSeq(): Promise<number> {
  const org = await (
    await testDb()
  )
    .selectFrom('organizations')
    .select('event_seq')
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
  return org.event_seq;
}

async function renderMembers() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const view = renderRoute(
    <MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf('ada')} viewerRole="ADMIN" />,
    { path: '/orgs/:orgId/members', url: `/orgs/${orgId}/members?q=linus` },
  );
  return { ...view, orgId };
}

/** Every undo the page asks for, by the event seq it names. */
function recordUndoRequests() {
  const seen: number[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/members/undo')) {
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

async function makeLinusAdmin(user: Awaited<ReturnType<typeof renderMembers>>['user']) {
  await user.click(await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' }));
  await user.click(await screen.findByRole('option', { name: /Admin/ }));
  return toastWith('Linus Torvalds is now Admin');
}

describe('Undo after a change', () => {
  it('names a role change and undoes it from the toast', async () => {
    const undos = recordUndoRequests();
    const { user } = await renderMembers();
    const toast = await makeLinusAdmin(user);
    const seq = await headSeq();

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Linus Torvalds is Member again')).toBeInTheDocument();
    expect(undos).toEqual([seq]);
    expect(await linusOf()).toMatchObject({ role: 'MEMBER' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('Member'),
    );
    expect(screen.queryByText('Linus Torvalds is now Admin')).not.toBeInTheDocument();
  });

  it('names a removal and puts the person back, workspaces and all', async () => {
    const { user } = await renderMembers();
    const before = (await linusOf())!;
    await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Linus Torvalds from Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Linus Torvalds' }));
    const toast = await toastWith('Removed Linus Torvalds from Acme');
    expect(await linusOf()).toBeUndefined();

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Linus Torvalds is back in Acme')).toBeInTheDocument();
    expect(await linusOf()).toMatchObject({
      role: before.role,
      workspaces: before.workspaces,
      version: before.version + 1,
    });
    expect(await screen.findByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('Member');
  });

  it('explains a conflict in plain words when someone changed the row since', async () => {
    const { user, orgId } = await renderMembers();
    const toast = await makeLinusAdmin(user);
    // Meanwhile, Grace makes Linus an external.
    await as('grace').patch(`/api/orgs/${orgId}/members/${await userIdOf('linus')}`, {
      role: 'EXTERNAL',
      version: (await linusOf())!.version,
    });

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Someone else got there first')).toBeInTheDocument();
    expect(
      screen.getByText(/^Grace Hopper set Linus Torvalds to External .*, so nothing was undone\.$/),
    ).toBeInTheDocument();
    expect(await linusOf()).toMatchObject({ role: 'EXTERNAL' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Role for Linus Torvalds' })).toHaveTextContent('External'),
    );
  });

  it('says who undid it first when another admin already did', async () => {
    const { user, orgId } = await renderMembers();
    const toast = await makeLinusAdmin(user);
    // Grace undoes Ada's change first, from her own tab.
    await as('grace').post(`/api/orgs/${orgId}/members/undo`, { eventSeq: await headSeq() });

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Couldn’t undo')).toBeInTheDocument();
    expect(screen.getByText('Grace Hopper already undid this change.')).toBeInTheDocument();
  });
});
