import { useEffect, type ReactNode } from 'react';
import type { MeUser } from '@roster/contracts';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import './account.css';

interface AccountPageProps {
  user: MeUser;
  /** Refetches `/api/me` (owned by the app) after a change to the account. */
  onMeChanged: () => Promise<unknown>;
  /** The account is gone and signed out: the app clears what it cached and opens sign-in. */
  onDeleted: () => void;
  /** `?email-changed=1`: the new address's link was just followed. */
  emailChanged: boolean;
  /** The URL's hash, to scroll a section (`#two-factor`) into view. */
  hash: string;
  /** The person's organizations, composed by the app (the orgs are not this feature's). */
  organizations?: ReactNode;
}

/** The signed-in person's own account: profile, password, two-factor, devices, organizations, deletion. */
export function AccountPage({ user, onMeChanged, onDeleted, emailChanged, hash, organizations }: AccountPageProps) {
  useEffect(() => {
    const section = hash ? document.getElementById(hash.slice(1)) : null;
    if (!section) return;
    section.scrollIntoView?.({ block: 'start' });
    section.querySelector<HTMLElement>('h2')?.focus();
  }, [hash]);
  return (
    <div className="account-page">
      <header className="account-page__header">
        <h1>Your account</h1>
        <p>Signed in as {user.email}. These settings follow you into every organization.</p>
      </header>
      {emailChanged && (
        <p className="account-status account-status--banner" role="status">
          Your email address is now <strong>{user.email}</strong>.
        </p>
      )}
      <ProfileSection user={user} onMeChanged={onMeChanged} />
      <PasswordSection />
      <TwoFactorSection enabled={user.twoFactorEnabled} onMeChanged={onMeChanged} />
      <SessionsSection />
      {organizations}
      <DeleteAccountSection onDeleted={onDeleted} />
    </div>
  );
}
