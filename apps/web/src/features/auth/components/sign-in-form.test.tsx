import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { SignInForm } from './sign-in-form.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { db } from '../../../mocks/db.ts';
import { createAccount } from '../../../mocks/account-db.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';
import { server } from '../../../test/msw-server.ts';

function renderForm() {
  const onSignedIn = vi.fn();
  const onEmailNotVerified = vi.fn();
  const view = renderRoute(<SignInForm onSignedIn={onSignedIn} onEmailNotVerified={onEmailNotVerified} />);
  return { ...view, onSignedIn, onEmailNotVerified };
}

describe('SignInForm', () => {
  it('explains a wrong password without saying which part was wrong', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'not-it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password don’t match an account.');
    expect(db.sessionUserId).toBeNull();
  });

  it('fills the form from a demo account and signs in', async () => {
    const { user, queryClient, onSignedIn } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Grace Hopper .* Admin$/ }));
    expect(screen.getByLabelText('Email')).toHaveValue('grace@acme.test');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    // /api/me is cached before the app navigates, so the next page renders at once.
    expect(queryClient.getQueryData(['me'])).toMatchObject({ user: { email: 'grace@acme.test' } });
  });

  it('sends an unverified address to its inbox instead of signing in (EMAIL_NOT_VERIFIED)', async () => {
    db.people.push(
      createAccount({ id: 'usr_new', name: 'New Person', email: 'new@acme.test' }, 'long enough pw', false),
    );
    const { user, onSignedIn, onEmailNotVerified } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'new@acme.test');
    await user.type(screen.getByLabelText('Password'), 'long enough pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onEmailNotVerified).toHaveBeenCalledWith('new@acme.test'));
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(db.sessionUserId).toBeNull();
  });

  it('says when to try again after too many attempts (RATE_LIMITED with Retry-After)', async () => {
    server.use(
      http.post('/api/auth/sign-in/email', () => {
        const response = errorResponse('RATE_LIMITED', 'Too many requests');
        response.headers.set('Retry-After', '720');
        return response;
      }),
    );
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 12 minutes.');
  });

  it('asks for a code when the account has two-factor on, and accepts a recovery code', async () => {
    const { user, onSignedIn, queryClient } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Eve External .* External$/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Two-factor sign-in' })).toBeInTheDocument();
    const code = screen.getByLabelText('Authentication code');
    await waitFor(() => expect(code).toHaveFocus());
    expect(db.sessionUserId).toBeNull();

    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code didn’t work.');
    expect(onSignedIn).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = screen.getByLabelText('Recovery code');
    await user.type(recovery, db.people.find((p) => p.id === 'usr_eve')!.backupCodes[0]!);
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(queryClient.getQueryData(['me'])).toMatchObject({ user: { email: 'ext@partner.test' } });
  });

  it('signs in with the authenticator code', async () => {
    const { user, onSignedIn } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Eve External .* External$/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(db.sessionUserId).toBe('usr_eve');
  });
});
