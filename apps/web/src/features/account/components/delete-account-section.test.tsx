import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { browserCookies, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

const DEMO_PASSWORD = 'roster-demo';

async function accountExists(userId: string): Promise<boolean> {
  return (
    (await (await testDb()).selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined
  );
}

describe('DeleteAccountSection', () => {
  it('lists the organizations that still need you and says what to do (CREATOR_PROTECTED)', async () => {
    signInAs('ada');
    const onDeleted = vi.fn();
    const { user } = renderRoute(<DeleteAccountSection onDeleted={onDeleted} />);
    await user.click(screen.getByRole('button', { name: 'Delete account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
    const password = within(dialog).getByLabelText('Your password');
    await waitFor(() => expect(password).toHaveFocus());
    await user.type(password, DEMO_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Delete account' }));

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent('Your account can’t be deleted yet.');
    expect(within(refusal).getByRole('listitem')).toHaveTextContent(
      'Acme: You created it. Hand the creator role to another admin, or delete the organization.',
    );
    expect(onDeleted).not.toHaveBeenCalled();
    expect(await accountExists(await userIdOf('ada'))).toBe(true);
  });

  it('names a wrong password under the field', async () => {
    signInAs('linus');
    const { user } = renderRoute(<DeleteAccountSection onDeleted={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Delete account…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Your password'), 'not-it');
    await user.click(within(dialog).getByRole('button', { name: 'Delete account' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password isn’t right.');
  });

  it('deletes an account nothing depends on and hands over to the app', async () => {
    const linusId = await userIdOf('linus');
    signInAs('linus');
    const onDeleted = vi.fn();
    const { user } = renderRoute(<DeleteAccountSection onDeleted={onDeleted} />);
    await user.click(screen.getByRole('button', { name: 'Delete account…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Your password'), DEMO_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Delete account' }));
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(await accountExists(linusId)).toBe(false);
    expect(browserCookies()).toBe('');
  });
});
