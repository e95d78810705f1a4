import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { AddMembersDrawer } from './add-members-drawer.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { server } from '../../../mocks/server.ts';

const ORG = 'org_acme';

function renderDrawer() {
  signInAs('ada');
  return renderRoute(<AddMembersDrawer orgId={ORG} orgName="Acme" access="invite" open onOpenChange={() => {}} />);
}

describe('AddMembersDrawer', () => {
  it('turns typed addresses into chips, flags invalid ones and merges duplicates', async () => {
    const { user } = renderDrawer();
    await user.type(
      screen.getByLabelText('Email addresses'),
      'a@example.com, not-an-email b@example.com A@EXAMPLE.com ',
    );
    const chips = within(screen.getByRole('list', { name: 'Addresses to invite' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent)).toEqual(
      ['a@example.com', 'Invalid:not-an-email', 'b@example.com'].map((t) =>
        expect.stringContaining(t.replace('Invalid:', '')),
      ),
    );
    expect(chips[1]).toHaveClass('email-chip--invalid');
    expect(screen.getByText(/1 invalid address \(in red\) will not be invited/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove not-an-email' }));
    expect(screen.getByRole('button', { name: 'Invite 2 people' })).toBeEnabled();
  });

  it('sends with an Idempotency-Key and shows what happened to each address', async () => {
    const keys: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith(`/api/orgs/${ORG}/invitations`))
        keys.push(request.headers.get('Idempotency-Key'));
    });
    const { user } = renderDrawer();
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
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains LIMIT_EXCEEDED with the seats from the details', async () => {
    const org = findOrg(ORG)!;
    // 60 members + 4 live invitations in the fixtures: 64 of 65 seats used.
    org.settings = { ...org.settings, memberCap: 65 };
    const { user } = renderDrawer();
    await user.type(screen.getByLabelText('Email addresses'), 'one@example.com two@example.com{Enter}');
    await user.click(screen.getByRole('button', { name: 'Invite 2 people' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This would exceed your 65 seats (64 used)');
    expect(alert).toHaveTextContent('Only 1 more seat is free');
  });

  it('previews a CSV (header optional) and reports each row', async () => {
    const { user } = renderDrawer();
    await user.click(screen.getByRole('tab', { name: 'Upload CSV' }));
    const csv = 'email,role\nfresh@example.com,external\nbroken,member\nlinus@acme.test,\nfresh@example.com,member\n';
    const file = new File([csv], 'people.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
    const preview = await screen.findByRole('table', { name: 'CSV preview' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent('External');
    expect(rows[1]).toHaveTextContent('Not a valid email address');
    expect(rows[3]).toHaveTextContent('Listed twice');
    await user.click(screen.getByRole('button', { name: 'Invite 2 people' }));
    expect(await screen.findByText('Invited')).toBeInTheDocument();
    const after = within(screen.getByRole('table', { name: 'CSV preview' }))
      .getAllByRole('row')
      .slice(1);
    expect(after[0]).toHaveTextContent('Invited');
    expect(after[2]).toHaveTextContent('Already a member');
  });
});
