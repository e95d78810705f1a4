import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SessionsSection } from './sessions-section.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { db } from '../../../mocks/db.ts';

describe('SessionsSection', () => {
  it('marks this device and signs another one out', async () => {
    signInAs('ada');
    const { user } = renderRoute(<SessionsSection />);
    const list = await screen.findByRole('list', { name: 'Signed-in devices' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('This device')).toBeInTheDocument();
    expect(within(rows[0]!).queryByRole('button')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out Firefox on Linux (203.0.113.24)' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).queryByText('Firefox on Linux')).toBeNull();
    expect(db.auth.sessions.some((s) => s.id === 'ses_usr_ada_1')).toBe(false);
    // Someone else's devices stay signed in.
    expect(db.auth.sessions.some((s) => s.userId === 'usr_grace')).toBe(true);
  });

  it('signs out of every other session at once', async () => {
    signInAs('ada');
    const { user } = renderRoute(<SessionsSection />);
    await user.click(await screen.findByRole('button', { name: 'Sign out of all other sessions' }));
    expect(await screen.findByText('Signed out of 2 other sessions')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Signed-in devices' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Sign out of all other sessions' })).toBeNull();
  });
});
