import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { OrgSettingsResponse } from '@roster/contracts';
import { AddMembersDrawer } from './add-members-drawer.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { as, orgIdOf, signInAs, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';

withServerApp();

async function renderDrawer() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const view = renderRoute(
    <AddMembersDrawer orgId={orgId} orgName="Acme" access="invite" open onOpenChange={() => {}} />,
  );
  return { ...view, orgId };
}

/** Ada invites `emails` as members before the drawer opens. */
async function adaInvites(emails: string[]) {
  await as('ada').post(`/api/orgs/${await orgIdOf('acme')}/invitations`, { emails, role: 'MEMBER', workspaces: [] });
}

/** Each invitation POST the drawer sends, with its Idempotency-Key; the server still answers them. */
function recordInvitationPosts() {
  const posts: { body: unknown; key: string | null }[] = [];
  const record = async ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/invitations')) {
      posts.push({ body: await request.clone().json(), key: request.headers.get('Idempotency-Key') });
    }
  };
  server.events.on('request:start', record);
  onTestFinished(() => server.events.removeListener('request:start', record));
  return posts;
}

describe('AddMembersDrawer', () => {
  it('turns typed addresses into chips, flags invalid ones and merges duplicates', async () => {
    const { user } = await renderDrawer();
    await user.type(
      screen.getByLabelText('Email addresses'),
      'a@example.com, not-an-email b@example.com A@EXAMPLE.com ',
    );
    const chips = within(screen.getByRole('list', { name: 'Addresses to invite' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent)).toEqual(
      ['a@example.com', 'Invalid:not-an-email', 'b@example.com'].map((t): unknown =>
        expect.stringContaining(t.replace('Invalid:', '')),
      ),
    );
    expect(chips[1]).toHaveClass('email-chip--invalid');
    expect(screen.getByText(/1 invalid address \(in red\) will not be invited/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove not-an-email' }));
    expect(screen.getByRole('button', { name: 'Invite 2 people' })).toBeEnabled();
  });

  it('sends with an Idempotency-Key and shows what happened to each address', async () => {
    await adaInvites(['marie.curie@example.com']);
    const posts = recordInvitationPosts();
    const { user } = await renderDrawer();
    await user.type(
      screen.getByLabelText('Email addresses'),
      'newcomer@example.com linus@acme.test marie.curie@example.com oops{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Invite 4 people' }));
    const results = await screen.findByRole('list', { name: 'Result per address' });
    const row = (email: string) => within(results).getByText(email).closest('li')!;
    expect(row('newcomer@example.com')).toHaveTextContent('Invited');
    expect(row('linus@acme.test')).toHaveTextContent('Already a member');
    expect(row('marie.curie@example.com')).toHaveTextContent('Already invited');
    expect(row('oops')).toHaveTextContent('Invalid address');
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 invited · 1 already invited · 1 already a member · 1 invalid',
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains LIMIT_EXCEEDED with the seats from the details', async () => {
    // The seed's 44 members (Eve External among them) + 4 live invitations: 48 of 49 seats used.
    await adaInvites(['one.1@example.com', 'two.2@example.com', 'three.3@example.com', 'four.4@example.com']);
    const settingsPath = `/api/orgs/${await orgIdOf('acme')}/settings`;
    const { version } = await as('ada').get<OrgSettingsResponse>(settingsPath);
    await as('ada').patch(settingsPath, { memberCap: 49, version });
    const { user } = await renderDrawer();
    await user.type(screen.getByLabelText('Email addresses'), 'one@example.com two@example.com{Enter}');
    await user.click(screen.getByRole('button', { name: 'Invite 2 people' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This would exceed your 49 seats (48 used)');
    expect(alert).toHaveTextContent('Only 1 more seat is free');
  });

  it('imports a CSV: a preview with each row’s error, then the valid rows grouped into requests', async () => {
    const orgId = await orgIdOf('acme');
    const idOf = async (name: string) => (await workspaceOf(orgId, name)).id;
    const [design, platform, research] = [await idOf('Design'), await idOf('Platform'), await idOf('Research')];
    const posts = recordInvitationPosts();
    const { user } = await renderDrawer();
    await user.click(screen.getByRole('tab', { name: 'Upload CSV' }));
    // Semicolons, a byte order mark, the header in its own order and case, a blank line.
    const csv = [
      '\uFEFFRole;Email;Workspaces;Name',
      'member;fresh@example.com;Design:MEMBER|Platform:VIEWER;"Fresh; Person"',
      ';linus@acme.test;;',
      '',
      'external;guest@example.com;Research:VIEWER;Guest',
      'member;broken;;',
      'member;FRESH@example.com;;',
      'admin;boss@example.com;Marketing;',
      'member;other@example.com;"Platform:VIEWER;Design:MEMBER";Other',
    ].join('\r\n');
    upload(new File([csv], 'people.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('table', { name: 'CSV preview' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      '2',
      '3',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(rows[0]).toHaveTextContent('2fresh@example.comFresh; PersonMemberDesign (Member), Platform (Viewer) Ready');
    expect(rows[3]).toHaveTextContent('Not a valid email address');
    expect(rows[4]).toHaveTextContent('Same address as row 2');
    expect(rows[5]).toHaveTextContent('No workspace named “Marketing”');
    expect(screen.getByText(/4 of 7 rows ready · 3 with errors/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Invite 4 people' }));

    expect(await screen.findByText('Invitations processed')).toBeInTheDocument();
    // One role and one set of grants per request: the rows went in three.
    expect(posts.map((p) => p.body)).toEqual([
      {
        emails: ['fresh@example.com', 'other@example.com'],
        role: 'MEMBER',
        lite: false,
        // The drawer sends a set of grants in workspace id order, whatever order the rows named them in.
        workspaces: [
          { workspaceId: design, role: 'MEMBER' },
          { workspaceId: platform, role: 'VIEWER' },
        ].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId)),
      },
      { emails: ['linus@acme.test'], role: 'MEMBER', lite: false, workspaces: [] },
      {
        emails: ['guest@example.com'],
        role: 'EXTERNAL',
        lite: false,
        workspaces: [{ workspaceId: research, role: 'VIEWER' }],
      },
    ]);
    expect(new Set(posts.map((p) => p.key)).size).toBe(3);
    expect(screen.getByRole('status')).toHaveTextContent('3 invited · 1 already a member');
    const after = within(screen.getByRole('table', { name: 'CSV preview' }))
      .getAllByRole('row')
      .slice(1);
    expect(after[0]).toHaveTextContent('Invited');
    expect(after[1]).toHaveTextContent('Already a member');
    expect(after[3]).toHaveTextContent('Not a valid email address');
  });

  it('refuses a CSV without an email column before showing anything', async () => {
    const { user } = await renderDrawer();
    await user.click(screen.getByRole('tab', { name: 'Upload CSV' }));
    upload(new File(['name,role\nAda,member\n'], 'people.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('people.csv can’t be imported');
    expect(alert).toHaveTextContent('The file has no “email” column');
    expect(screen.queryByRole('table', { name: 'CSV preview' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite' })).toBeDisabled();
  });

  it('offers a template to download: the header and an example row', async () => {
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    // jsdom has no Blob URLs: a URL class with stand-ins, for this test only.
    class BlobUrls extends URL {
      static override createObjectURL(blob: Blob) {
        blobs.push(blob);
        return 'blob:template';
      }
      static override revokeObjectURL() {}
    }
    vi.stubGlobal('URL', BlobUrls);
    onTestFinished(() => {
      vi.unstubAllGlobals();
      click.mockRestore();
    });
    const { user } = await renderDrawer();
    await user.click(screen.getByRole('tab', { name: 'Upload CSV' }));
    await user.click(screen.getByRole('button', { name: 'Download template' }));
    expect(downloads).toEqual(['members-template.csv']);
    expect(blobs[0]!.type).toBe('text/csv');
    expect(await blobs[0]!.text()).toBe(
      // The example row names the seed's first two workspaces.
      'email,name,role,workspaces\r\ngrace@example.com,Grace Hopper,MEMBER,Design:MEMBER;Growth:VIEWER',
    );
  });
});

function upload(file: File) {
  fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
}
