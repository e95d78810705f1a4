import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { SignInForm } from './sign-in-form.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { db } from '../../../mocks/db.ts';

describe('SignInForm', () => {
  it('explains a wrong password without saying which part was wrong', async () => {
    const { user } = renderRoute(<SignInForm onSignedIn={() => {}} />);
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'not-it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password don’t match an account.');
    expect(db.sessionUserId).toBeNull();
  });

  it('fills the form from a demo account and signs in', async () => {
    const onSignedIn = vi.fn();
    const { user, queryClient } = renderRoute(<SignInForm onSignedIn={onSignedIn} />);
    await user.click(screen.getByRole('button', { name: 'Use Grace Hopper (Admin)' }));
    expect(screen.getByLabelText('Email')).toHaveValue('grace@acme.test');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    // /api/me is cached before the app navigates, so the next page renders at once.
    expect(queryClient.getQueryData(['me'])).toMatchObject({ user: { email: 'grace@acme.test' } });
  });
});
