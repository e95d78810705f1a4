import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { socketEvents } from '@roster/contracts';
import { getSocket } from '../../../lib/socket.ts';
import type { FakeSocket } from '../../../lib/test-support/fake-socket.ts';
import { renderOrgPages } from '../../../test/render-org-pages.tsx';
import { as, orgIdOf, signInAs, testDb, type DemoPerson } from '../../../test/server-app/index.ts';
import { withServerApp } from '../../../test/server-app/index.ts';

// The app's one socket, played by hand: the test is the server's side of it.
vi.mock('../../../lib/socket.ts', async () => {
  const { FakeSocket } = await import('../../../lib/test-support/fake-socket.ts');
  const socket = new FakeSocket();
  return { getSocket: () => socket, connectSocket: () => {}, disconnectSocket: () => {} };
});
const socket = getSocket() as unknown as FakeSocket;

withServerApp();

type Role = 'ADMIN' | 'MEMBER' | 'EXTERNAL';

/** Acme's members by email: their id, name and the version a change must carry. */
async function memberByEmail(email: string) {
  const orgId = await orgIdOf('acme');
  return (await testDb())
    .selectFrom('org_members')
    .select(['user_id', 'name', 'version'])
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

/** Two plain members of the seed, neither one of the people tests sign in as. */
async function twoOthers() {
  const rows = await (
    await testDb()
  )
    .selectFrom('org_members')
    .select('email')
    .where('org_id', '=', await orgIdOf('acme'))
    .where('role', '=', 'MEMBER')
    .where('email', 'like', '%.%@acme.test')
    .orderBy('email')
    .limit(2)
    .execute();
  return rows.map((row) => row.email) as [string, string];
}

/** `actor` sets the org role of the member at `email` through the API; returns the seq it committed as. */
async function setRole(actor: DemoPerson, email: string, role: Role) {
  const orgId = await orgIdOf('acme');
  const target = await memberByEmail(email);
  await as(actor).patch(`/api/orgs/${orgId}/members/${target.user_id}`, { role, version: target.version });
  const { seq } = await (
    await testDb()
  )
    .selectFrom('events')
    .select('seq')
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { orgId, seq: Number(seq), name: target.name };
}

/** Ada opens Linus's drawer from the members page and picks its History tab. */
async function openLinusHistory() {
  signInAs('ada');
  const { user, router } = renderOrgPages('/o/acme/members?q=linus');
  await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
  await user.click(await screen.findByRole('menuitem', { name: /View access/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Access of Linus Torvalds' });
  await user.click(within(dialog).getByRole('tab', { name: 'History' }));
  const list = await within(dialog).findByRole('list', { name: 'History of Linus Torvalds' }, { timeout: 5_000 });
  return { dialog, list, user, router };
}

describe('A member’s History', () => {
  it('lists the entries by and about the person, newest first, and not anyone else’s', async () => {
    const [first, second] = await twoOthers();
    await setRole('grace', 'linus@acme.test', 'ADMIN');
    const byLinus = await setRole('linus', first, 'ADMIN');
    const neither = await setRole('grace', second, 'ADMIN');

    const { dialog, list } = await openLinusHistory();
    const items = await within(list).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    // Newest first: Linus's own change, then Grace's change to him.
    expect(items[0]).toHaveTextContent(byLinus.name);
    expect(within(items[0]!).getByText('Linus Torvalds')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Role: Member → Admin');
    // About Linus himself: by Grace, and his name is not repeated.
    expect(items[1]).toHaveTextContent('by Grace Hopper');
    expect(items[1]).not.toHaveTextContent('Linus Torvalds');
    expect(items[1]).toHaveTextContent('Changed a role');
    expect(within(dialog).queryByText(neither.name)).not.toBeInTheDocument();

    const link = within(dialog).getByRole('link', { name: /Open in audit log/ });
    const linusId = (await memberByEmail('linus@acme.test')).user_id;
    expect(link).toHaveAttribute('href', `/o/acme/audit?member=${linusId}`);
  });

  it('shows a change to the person at the top as it commits', async () => {
    await setRole('grace', 'linus@acme.test', 'ADMIN');
    const { list } = await openLinusHistory();
    await within(list).findByText('Role: Member → Admin');

    const { orgId, seq } = await setRole('grace', 'linus@acme.test', 'EXTERNAL');
    socket.serverEmit(socketEvents.event, { orgId, seq, type: 'member.role_changed', at: new Date().toISOString() });
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Role: Admin → External'));
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says so when nothing is recorded yet', async () => {
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/members?q=linus');
    await user.click(await screen.findByRole('button', { name: 'Actions for Linus Torvalds' }));
    await user.click(await screen.findByRole('menuitem', { name: /View access/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Access of Linus Torvalds' });
    await user.click(within(dialog).getByRole('tab', { name: 'History' }));
    expect(await within(dialog).findByRole('heading', { name: 'Nothing recorded yet' })).toBeInTheDocument();
  });

  it('opens the audit log filtered to the person, and the drawer is closed on the way back', async () => {
    await setRole('grace', 'linus@acme.test', 'ADMIN');
    const { dialog, user, router } = await openLinusHistory();
    await user.click(within(dialog).getByRole('link', { name: /Open in audit log/ }));
    await screen.findByRole('heading', { name: 'Audit log', level: 1 });
    expect(await screen.findByText('Linus Torvalds', { selector: '.audit-filter-bar__member strong' })).toBeVisible();
    await waitFor(() => expect(screen.getAllByText('Role: Member → Admin')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Show everyone’s entries' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await router.navigate('/o/acme/members?q=linus');
    await screen.findByRole('button', { name: 'Actions for Linus Torvalds' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is not offered to someone who may not read the audit log', async () => {
    signInAs('linus');
    renderOrgPages('/o/acme/members?q=linus');
    expect(await screen.findByRole('heading', { name: 'Access restricted', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Actions for / })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'History' })).not.toBeInTheDocument();
  });
});
