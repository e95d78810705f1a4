import type { MockPerson } from '../test/fixtures/people.ts';

/** A person as the mocked auth library keeps them. */
export interface MockAccount extends MockPerson {
  password: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  version: number;
  backupCodes: string[];
}

export interface MockSession {
  id: string;
  userId: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastActiveAt: string;
}

/** Sign-in state the auth library keeps besides the session cookie. */
export interface MockAuthState {
  /** Passed the password, owes a second factor. */
  pendingTwoFactorUserId: string | null;
  /** Two-factor set up but not yet confirmed with a first code. */
  enrolling: Set<string>;
  /** The other devices each person is signed in on (the current one is implied). */
  sessions: MockSession[];
  /** Failed sign-ins per address, for the mock's rate limit. */
  failures: Map<string, number>;
}

/** The one TOTP code the mocks accept, and the recovery codes they hand out. */
export const MOCK_TOTP_CODE = '123456';
export const mockBackupCodes = () =>
  Array.from(
    { length: 10 },
    (_, i) => `${(4821 + i * 7919).toString(36).padStart(5, 'x')}-${(9173 * (i + 3)).toString(36).slice(-5)}`,
  );

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export function createAccount(person: MockPerson, password: string, emailVerified = true): MockAccount {
  const twoFactorEnabled = person.twoFactorEnabled ?? false;
  return {
    ...person,
    password,
    emailVerified,
    twoFactorEnabled,
    version: 1,
    backupCodes: twoFactorEnabled ? mockBackupCodes() : [],
  };
}

/** Two other devices per demo person, so the account page has something to sign out. */
export function createAuthState(userIds: string[]): MockAuthState {
  const sessions = userIds.flatMap((userId) => [
    {
      id: `ses_${userId}_1`,
      userId,
      device: 'Firefox on Linux',
      ip: '203.0.113.24',
      createdAt: ago(60 * 24 * 9),
      lastActiveAt: ago(42),
    },
    {
      id: `ses_${userId}_2`,
      userId,
      device: 'Safari on iPhone',
      ip: '198.51.100.7',
      createdAt: ago(60 * 24 * 30),
      lastActiveAt: ago(60 * 26),
    },
  ]);
  return { pendingTwoFactorUserId: null, enrolling: new Set(), sessions, failures: new Map() };
}

/** The session this tab holds, as `GET /api/me/sessions` lists it. */
export const CURRENT_SESSION_ID = 'ses_current';
export const currentSession = (userId: string): MockSession => ({
  id: CURRENT_SESSION_ID,
  userId,
  device: 'Chrome on macOS',
  ip: '192.0.2.10',
  createdAt: ago(60 * 3),
  lastActiveAt: ago(0),
});
