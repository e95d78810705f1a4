import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ResetPasswordForm } from './reset-password-form.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { db } from '../../../mocks/db.ts';

describe('ResetPasswordForm', () => {
  it('shows why a weak password was refused under the field, then changes a strong one', async () => {
    const { user } = renderRoute(<ResetPasswordForm token="reset_usr_ada" linkError={null} />);
    const field = screen.getByLabelText('New password');
    await user.type(field, 'password1234');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This is a very common password. Add another word or two that only you would think of.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);

    await user.clear(field);
    await user.type(field, 'copper kettle mornings');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const heading = await screen.findByRole('heading', { name: 'Password changed' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(db.people.find((p) => p.id === 'usr_ada')?.password).toBe('copper kettle mornings');
  });

  it('offers a new link when the link is spent (VALIDATION_FAILED)', async () => {
    const { user } = renderRoute(<ResetPasswordForm token="reset_unknown" linkError={null} />);
    await user.type(screen.getByLabelText('New password'), 'copper kettle mornings');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { name: 'This reset link doesn’t work' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});
