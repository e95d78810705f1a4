import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { errorStatus, type ErrorBody } from '@roster/contracts';
import { SignInForm } from './sign-in-form.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { as, browserCookies, withServerApp } from '../../../test/server-app/index.ts';
import { TEST_ORIGIN } from '../../../test/server-app/demo-people.ts';
import { authenticatorCode } from '../../../test/server-app/authenticator.ts';

withServerApp();

const DEMO_PASSWORD = 'roster-demo';

function renderForm() {
  const onSignedIn = vi.fn();
  const onEmailNotVerified = vi.fn();
  const view = renderRoute(<SignInForm onSignedIn={onSignedIn} onEmailNotVerified={onEmailNotVerified} />);
  return { ...view, onSignedIn, onEmailNotVerified };
}

/** Whose session the browser's cookies carry now, as the server sees it (null: nobody's). */
async function signedInEmail(): Promise<string | null> {
  const response = await fetch(`${TEST_ORIGIN}/api/me`);
  if (response.status === 401) return null;
  return ((await response.json()) as { user: { email: string } }).user.email;
}

/** A new account whose address is not proven yet, made as the sign-up page makes it. */
async function signUpUnverified(email: string, password: string) {
  const response = await fetch(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'New Person', email, password }),
  });
  expect(response.ok).toBe(true);
}

/** Eve turns two-factor on as the account page does: enable with her password, then confirm a code. */
async function eveTurnsOnTwoFactor() {
  const { totpURI, backupCodes } = await as('ext').post<{ totpURI: string; backupCodes: string[] }>(
    '/api/auth/two-factor/enable',
    { password: DEMO_PASSWORD },
  );
  await as('ext').post('/api/auth/two-factor/verify-totp', { code: authenticatorCode(totpURI) });
  return { totpURI, backupCodes };
}

describe('SignInForm', () => {
  it('explains a wrong password without saying which part was wrong', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'not-it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password don’t match an account.');
    expect(browserCookies()).toBe('');
  });

  it('fills the form from a demo account and signs in', async () => {
    const { user, queryClient, onSignedIn } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Grace Hopper .* Admin$/ }));
    expect(screen.getByLabelText('Email')).toHaveValue('grace@acme.test');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    // /api/me is cached before the app navigates, so the next page renders at once.
    expect(queryClient.getQueryData(['me'])).toMatchObject({ user: { email: 'grace@acme.test' } });
    expect(await signedInEmail()).toBe('grace@acme.test');
  });

  it('sends an unverified address to its inbox instead of signing in (EMAIL_NOT_VERIFIED)', async () => {
    await signUpUnverified('new@acme.test', 'long enough pw');
    const { user, onSignedIn, onEmailNotVerified } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'new@acme.test');
    await user.type(screen.getByLabelText('Password'), 'long enough pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onEmailNotVerified).toHaveBeenCalledWith('new@acme.test'));
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(browserCookies()).toBe('');
  });

  it('says when to try again after too many attempts (RATE_LIMITED with Retry-After)', async () => {
    // The in-process app runs without rate limits (one person, one tab), so the refusal is staged.
    server.use(
      http.post('/api/auth/sign-in/email', () => {
        const body: ErrorBody = { error: { code: 'RATE_LIMITED', message: 'Too many requests' } };
        return HttpResponse.json(body, { status: errorStatus.RATE_LIMITED, headers: { 'Retry-After': '720' } });
      }),
    );
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 12 minutes.');
  });

  it('asks for a code when the account has two-factor on, and accepts a recovery code', async () => {
    const { backupCodes } = await eveTurnsOnTwoFactor();
    const { user, onSignedIn, queryClient } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Eve External .* External$/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Two-factor sign-in' })).toBeInTheDocument();
    const code = screen.getByLabelText('Authentication code');
    await waitFor(() => expect(code).toHaveFocus());
    expect(await signedInEmail()).toBeNull();

    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code didn’t work.');
    expect(onSignedIn).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = screen.getByLabelText('Recovery code');
    await user.type(recovery, backupCodes[0]!);
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(queryClient.getQueryData(['me'])).toMatchObject({ user: { email: 'ext@partner.test' } });
  });

  it('signs in with the authenticator code', async () => {
    const { totpURI } = await eveTurnsOnTwoFactor();
    const { user, onSignedIn } = renderForm();
    await user.click(screen.getByRole('button', { name: /^Use Eve External .* External$/ }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Authentication code'), authenticatorCode(totpURI));
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(await signedInEmail()).toBe('ext@partner.test');
  });
});
