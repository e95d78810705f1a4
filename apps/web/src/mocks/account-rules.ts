import { db, findPerson } from './db.ts';
import type { MockAccount } from './account-db.ts';
import { invitationStore } from './invitation-store.ts';
import { MockRefusal } from './mock-errors.ts';

/** A stand-in for the server's strength check: refuses the passwords people reach for first. */
export function assertStrongPassword(password: string) {
  const lower = password.toLowerCase();
  const common = ['password', '1234567890', 'qwertyuiop', 'letmein', 'iloveyou', 'roster-demo'];
  if (common.some((word) => lower.includes(word)) || /^(.)\1+$/.test(password))
    throw new MockRefusal(
      'WEAK_PASSWORD',
      'This is a very common password. Add another word or two that only you would think of.',
    );
}

/** The auth library asks for the current password before anything sensitive. */
export function assertPassword(person: MockAccount, password: string) {
  if (person.password !== password)
    throw new MockRefusal('UNAUTHENTICATED', 'The password is not correct', { reason: 'INVALID_PASSWORD' });
}

export const findAccountByEmail = (email: string) =>
  db.people.find((p) => p.email.toLowerCase() === email.trim().toLowerCase());

/** Counts an attempt for `key`; past `max` the mock answers 429 like the shared limiter (R19). */
export function countAttempt(key: string, max: number) {
  const count = (db.auth.failures.get(key) ?? 0) + 1;
  db.auth.failures.set(key, count);
  return count > max;
}

export function isLimited(key: string, max: number) {
  return (db.auth.failures.get(key) ?? 0) >= max;
}

/** Puts a mail in the dev mailbox, as the server's dev mailer does. */
export function mail(to: string, subject: string, text: string, href: string) {
  const { mails } = invitationStore();
  mails.unshift({
    id: String(mails.length + 1),
    to,
    subject,
    text: `${text}\n\n${href}`,
    html: `<p>${text}</p><p><a href="${href}">${subject}</a></p>`,
    createdAt: new Date().toISOString(),
  });
}

/** Keeps the directory's 2FA column in step with the account. */
export function syncMemberTwoFactor(person: MockAccount) {
  for (const org of db.orgs) {
    for (const member of org.members)
      if (member.userId === person.id) member.twoFactorEnabled = person.twoFactorEnabled;
  }
}

export const signedInAccount = () => findPerson(db.sessionUserId);
