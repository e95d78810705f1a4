import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SessionsSection } from './sessions-section.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

/** Two more devices Ada signed in on: a laptop last week, a phone last month. */
async function adaOnTwoMoreDevices() {
  const userId = await userIdOf('ada');
  const device = (id: string, userAgent: string, ip: string, lastActiveHoursAgo: number) => ({
    id,
    token: `${id}-token`,
    user_id: userId,
    user_agent: userAgent,
    ip_address: ip,
    created_at: hoursAgo(24 * 30),
    updated_at: hoursAgo(lastActiveHoursAgo),
    expires_at: hoursAgo(-24 * 7),
  });
  await (
    await testDb()
  )
    .insertInto('sessions')
    .values([
      device(
        'ses_ada_laptop',
        'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
        '203.0.113.24',
        1,
      ),
      device(
        'ses_ada_phone',
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
        '198.51.100.7',
        26,
      ),
    ])
    .execute();
}

describe('SessionsSection', () => {
  it('marks this device and signs another one out', async () => {
    await adaOnTwoMoreDevices();
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
    const db = await testDb();
    expect(await db.selectFrom('sessions').select('id').where('id', '=', 'ses_ada_laptop').execute()).toEqual([]);
    // Someone else's devices stay signed in.
    const grace = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', await userIdOf('grace'))
      .execute();
    expect(grace.length).toBeGreaterThan(0);
  });

  it('signs out of every other session at once', async () => {
    await adaOnTwoMoreDevices();
    signInAs('ada');
    const { user } = renderRoute(<SessionsSection />);
    await user.click(await screen.findByRole('button', { name: 'Sign out of all other sessions' }));
    expect(await screen.findByText('Signed out of 2 other sessions')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Signed-in devices' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Sign out of all other sessions' })).toBeNull();
  });
});
