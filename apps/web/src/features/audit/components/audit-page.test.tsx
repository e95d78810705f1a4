import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { socketEvents } from '@roster/contracts';
import { PHONE_QUERY } from '../../../lib/breakpoints.ts';
import { getSocket } from '../../../lib/socket.ts';
import type { FakeSocket } from '../../../lib/test-support/fake-socket.ts';
import { matchMediaQueries } from '../../../test/media-queries.ts';
import { renderRoute } from '../../../test/render.tsx';
import { renderOrgPages } from '../../../test/render-org-pages.tsx';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';
import { AuditPage } from './audit-page.tsx';

// The app's one socket, played by hand: the test is the server's side of it.
vi.mock('../../../lib/socket.ts', async () => {
  const { FakeSocket } = await import('../../../lib/test-support/fake-socket.ts');
  const socket = new FakeSocket();
  return { getSocket: () => socket, connectSocket: () => {}, disconnectSocket: () => {} };
});
const socket = getSocket() as unknown as FakeSocket;

withServerApp();

/** Grace, Acme's other admin, changes Linus's role through the API; returns the seq it committed as. */
async function graceMakesLinus(role: 'ADMIN' | 'EXTERNAL') {
  const orgId = await orgIdOf('acme');
  const linusId = await userIdOf('linus');
  const { version } = await (
    await testDb()
  )
    .selectFrom('org_members')
    .select('version')
    .where('org_id', '=', orgId)
    .where('user_id', '=', linusId)
    .executeTakeFirstOrThrow();
  await as('grace').patch(`/api/orgs/${orgId}/members/${linusId}`, { role, version });
  const { seq } = await (
    await testDb()
  )
    .selectFrom('events')
    .select('seq')
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { orgId, seq: Number(seq) };
}

/** What the server pushes to admins' sockets when a change commits (only its envelope matters here). */
function pushOrgEvent(orgId: string, seq: number) {
  socket.serverEmit(socketEvents.event, { orgId, seq, type: 'member.role_changed', at: new Date().toISOString() });
}

const logTable = () => screen.findByRole('table', { name: 'Audit log' });
const rowWith = async (text: string | RegExp) =>
  (await within(await logTable()).findByText(text)).closest('tr') as HTMLElement;

describe('AuditPage', () => {
  it('lists a role change with who made it and the role before and after', async () => {
    await graceMakesLinus('ADMIN');
    signInAs('ada');
    renderOrgPages('/o/acme/audit');
    const row = await rowWith('Role: Member → Admin');
    expect(within(row).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(row).getByText('Changed a role')).toBeInTheDocument();
    expect(within(row).getByText('Linus Torvalds')).toBeInTheDocument();
    // Relative time in the cell, the exact moment on hover.
    const time = within(row).getByText('just now');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('title', expect.stringMatching(/\d{4}/));
  });

  it('lists entries as cards on a phone', async () => {
    matchMediaQueries(PHONE_QUERY);
    await graceMakesLinus('ADMIN');
    signInAs('ada');
    renderOrgPages('/o/acme/audit');
    const list = await screen.findByRole('list', { name: 'Audit log' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const card = (await within(list).findByText('Role: Member → Admin')).closest('li')!;
    expect(within(card).getByText('Changed a role')).toBeInTheDocument();
    expect(within(card).getByText('Grace Hopper')).toBeInTheDocument();
  });

  it('narrows the list with filters kept in the URL, and clears them back to everything', async () => {
    await graceMakesLinus('ADMIN');
    signInAs('ada');
    const { router, user } = renderOrgPages('/o/acme/audit');
    await rowWith('Role: Member → Admin');

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Settings' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('action')).toBe('settings.*'));
    await waitFor(() => expect(screen.queryByText('Role: Member → Admin')).not.toBeInTheDocument());

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Role changes' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the audit log' }), 'linus');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('linus'));
    expect(new URLSearchParams(router.state.location.search).get('action')).toBe(
      'member.role_changed,member.role_changed.reverted',
    );
    await waitFor(async () =>
      expect(within(await logTable()).getAllByText('Changed a role')).toHaveLength(
        within(await logTable()).getAllByRole('row').length - 1,
      ),
    );
    expect(await rowWith('Role: Member → Admin')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search the audit log' }), '-nobody');
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await rowWith('Role: Member → Admin')).toBeInTheDocument();
  });

  it('opens a shared link with its filters applied, and exports with those filters', async () => {
    await graceMakesLinus('ADMIN');
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    renderOrgPages('/o/acme/audit?action=member.*&q=linus&from=2020-01-01');
    await rowWith('Role: Member → Admin');
    expect(screen.getByRole('searchbox', { name: 'Search the audit log' })).toHaveValue('linus');
    expect(screen.getByLabelText('From')).toHaveValue('2020-01-01');

    const csv = new URL(screen.getByRole('link', { name: /Export CSV/ }).getAttribute('href')!, 'http://x');
    expect(csv.pathname).toBe(`/api/orgs/${orgId}/audit/export`);
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      action: 'member.*',
      q: 'linus',
      from: new Date('2020-01-01T00:00:00').toISOString(),
      format: 'csv',
    });
    const ndjson = new URL(screen.getByRole('link', { name: /Export NDJSON/ }).getAttribute('href')!, 'http://x');
    expect(ndjson.searchParams.get('format')).toBe('ndjson');
    expect(ndjson.searchParams.get('action')).toBe('member.*');
  });

  it('shows an entry that commits while the reader is at the top, at the top', async () => {
    await graceMakesLinus('EXTERNAL');
    signInAs('ada');
    renderOrgPages('/o/acme/audit');
    await rowWith('Role: Member → External');
    const { orgId, seq } = await graceMakesLinus('ADMIN');
    pushOrgEvent(orgId, seq);
    const row = await rowWith('Role: External → Admin');
    expect(within(await logTable()).getAllByRole('row')[1]).toBe(row);
  });

  it('keeps a scrolled reader where they are and offers the new entries in a pill', async () => {
    await graceMakesLinus('EXTERNAL');
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/audit');
    await rowWith('Role: Member → External');
    const table = await logTable();
    const scroller = table.parentElement!;
    // jsdom has no layout: the reader "scrolled down" is a scroll position the list reads.
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 400 });
    scroller.scrollTo = () => Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 0 });
    const { orgId, seq } = await graceMakesLinus('ADMIN');
    pushOrgEvent(orgId, seq);

    const pill = await screen.findByRole('button', { name: '1 new entry' });
    expect(screen.queryByText('Role: External → Admin')).not.toBeInTheDocument();
    await user.click(pill);
    expect(scroller.scrollTop).toBe(0);
    expect(await rowWith('Role: External → Admin')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new entr/ })).not.toBeInTheDocument();
  });

  it('looks for what it missed when the socket reconnects', async () => {
    await graceMakesLinus('EXTERNAL');
    signInAs('ada');
    renderOrgPages('/o/acme/audit');
    await rowWith('Role: Member → External');
    // Committed while the socket was down: no event for it ever reaches this page.
    await graceMakesLinus('ADMIN');
    socket.serverEmit('connect');
    expect(await rowWith('Role: External → Admin')).toBeInTheDocument();
  });

  it('tells a member that only admins can read the log, without asking the server', async () => {
    signInAs('linus');
    renderOrgPages('/o/acme/audit');
    expect(await screen.findByRole('heading', { name: 'Access restricted', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Only admins of Acme can read its audit log.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says the same when the server refuses a role it no longer grants', async () => {
    signInAs('linus');
    const orgId = await orgIdOf('acme');
    // The page still believes Linus is an admin (a demotion not heard of yet): the server decides.
    renderRoute(<AuditPage orgId={orgId} orgName="Acme" viewerRole="ADMIN" />);
    expect(await screen.findByRole('heading', { name: 'Access restricted', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Only admins of Acme can read its audit log.')).toBeInTheDocument();
  });
});
