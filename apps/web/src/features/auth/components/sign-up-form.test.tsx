import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { useNavigate } from 'react-router';
import { SignUpForm } from './sign-up-form.tsx';
import { CheckInbox } from './check-inbox.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { browserCookies, testDb, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

function SignUpPage() {
  const navigate = useNavigate();
  return (
    <SignUpForm
      signInHref="/sign-in"
      callbackURL="/verified"
      onSignedUp={(email) => void navigate(`/check-inbox?email=${encodeURIComponent(email)}`)}
    />
  );
}

function renderSignUp() {
  return renderRoute(<SignUpPage />, {
    path: '/sign-up',
    url: '/sign-up',
    routes: [
      {
        path: '/check-inbox',
        element: <CheckInbox email="new@acme.test" callbackURL="/verified" reason="signed-up" signInHref="/sign-in" />,
      },
    ],
  });
}

describe('SignUpForm', () => {
  it('creates an unverified account, signs no one in, and shows the inbox page with a resend', async () => {
    const { user, router } = renderSignUp();
    await user.type(screen.getByLabelText('Name'), 'New Person');
    await user.type(screen.getByLabelText('Email'), 'new@acme.test');
    await user.type(screen.getByLabelText('Password'), 'short');
    expect(screen.getByText(/At least 10 characters/)).toHaveClass('field__error');
    await user.type(screen.getByLabelText('Password'), ' but now long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const heading = await screen.findByRole('heading', { name: 'Check your inbox' });
    // Focus moves to the new page's title in an effect, a moment after it renders.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(router.state.location.search).toBe('?email=new%40acme.test');
    expect(screen.getByText('new@acme.test')).toBeInTheDocument();
    expect(browserCookies()).toBe('');
    const account = await (
      await testDb()
    )
      .selectFrom('users')
      .select('email_verified')
      .where('email', '=', 'new@acme.test')
      .executeTakeFirst();
    expect(account).toEqual({ email_verified: false });

    await user.click(screen.getByRole('button', { name: 'Resend the link' }));
    expect(await screen.findByText(/We sent a new link to/)).toBeInTheDocument();
  });

  it('shows the server’s reason under the password field for a weak password', async () => {
    const { user } = renderSignUp();
    await user.type(screen.getByLabelText('Name'), 'New Person');
    await user.type(screen.getByLabelText('Email'), 'new@acme.test');
    await user.type(screen.getByLabelText('Password'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is similar to a commonly used password.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });
});
