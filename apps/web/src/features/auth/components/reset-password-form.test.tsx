import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ResetPasswordForm } from './reset-password-form.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

const RESET_TOKEN = 'ada-reset-token-from-the-mail';

/** The link Ada's reset mail carries, as the auth library stores it. */
async function adaAskedForAReset() {
  const now = new Date();
  await (
    await testDb()
  )
    .insertInto('verifications')
    .values({
      id: crypto.randomUUID(),
      identifier: `reset-password:${RESET_TOKEN}`,
      value: await userIdOf('ada'),
      expires_at: new Date(now.getTime() + 3_600_000),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function signInWorks(password: string): Promise<boolean> {
  const response = await fetch('http://localhost:3000/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ada@acme.test', password }),
  });
  return response.ok;
}

describe('ResetPasswordForm', () => {
  it('shows why a weak password was refused under the field, then changes a strong one', async () => {
    await adaAskedForAReset();
    const { user } = renderRoute(<ResetPasswordForm token={RESET_TOKEN} linkError={null} />);
    const field = screen.getByLabelText('New password');
    await user.type(field, 'password1234');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    // The server's own reason, from its password-strength estimator.
    expect(alert).toHaveTextContent('This is similar to a commonly used password.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);

    await user.clear(field);
    await user.type(field, 'copper kettle mornings');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const heading = await screen.findByRole('heading', { name: 'Password changed' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(await signInWorks('copper kettle mornings')).toBe(true);
  });

  it('offers a new link when the link is spent (VALIDATION_FAILED)', async () => {
    const { user } = renderRoute(<ResetPasswordForm token="reset_unknown" linkError={null} />);
    await user.type(screen.getByLabelText('New password'), 'copper kettle mornings');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { name: 'This reset link doesn’t work' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});
