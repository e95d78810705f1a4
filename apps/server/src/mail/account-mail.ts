import type { Mail } from './invitation-mail.ts';

/** The account mails: each proves, warns or tells one thing to one address. */
export type AccountMailTemplate =
  'verify-email' | 'verify-new-email' | 'email-change-notice' | 'sign-up-attempt' | 'reset-password' | 'account-locked';

/** What the outbox keeps for an account mail: a link that carries a token is only kept sealed. */
export interface AccountMailPayload {
  template: AccountMailTemplate;
  to: string;
  name: string;
  /** The new address, for the notice to the old one. */
  newEmail?: string;
  /** The whole link, sealed; named like the invitation's so the outbox wipes both alike once sent. */
  sealedToken?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Copy {
  subject: string;
  lines: string[];
  action?: { label: string; url: string };
  after?: string[];
}

function copyFor(payload: AccountMailPayload, url: string, publicUrl: string): Copy {
  const hello = `Hello ${payload.name},`;
  switch (payload.template) {
    case 'verify-email':
      return {
        subject: 'Confirm your email address for Roster',
        lines: [hello, 'Confirm that this address is yours to finish creating your Roster account.'],
        action: { label: 'Confirm my address', url },
        after: ['The link works once, for 24 hours.', 'If you did not sign up for Roster, ignore this mail.'],
      };
    case 'verify-new-email':
      return {
        subject: 'Confirm your new email address for Roster',
        lines: [hello, 'Confirm this address to make it the one you sign in to Roster with.'],
        action: { label: 'Confirm my new address', url },
        after: ['Nothing changes until you follow the link; it works for 24 hours.'],
      };
    case 'email-change-notice':
      return {
        subject: 'Your Roster email address is about to change',
        lines: [
          hello,
          `Someone signed in to your Roster account asked to change its address to ${payload.newEmail ?? 'another address'}.`,
          'Nothing changes until the new address confirms it.',
        ],
        after: [`If this was not you, change your password now: ${publicUrl}/forgot-password`],
      };
    case 'sign-up-attempt':
      return {
        subject: 'Someone tried to create a Roster account with your address',
        lines: [
          hello,
          'Someone tried to sign up for Roster with this address, which already has an account. Nothing changed.',
        ],
        action: { label: 'Sign in', url: `${publicUrl}/sign-in` },
        after: [
          `Forgot your password? Reset it: ${publicUrl}/forgot-password`,
          'If this was not you, you can ignore this mail.',
        ],
      };
    case 'reset-password':
      return {
        subject: 'Reset your Roster password',
        lines: [hello, 'Someone asked to reset the password of your Roster account.'],
        action: { label: 'Choose a new password', url },
        after: [
          'The link works once, for 1 hour. Resetting signs you out everywhere else.',
          'If you did not ask for this, ignore this mail: your password stays as it is.',
        ],
      };
    case 'account-locked':
      return {
        subject: 'Sign-in to your Roster account is paused',
        lines: [
          hello,
          'Someone entered a wrong password for your Roster account too many times, so we paused sign-in for 15 minutes.',
        ],
        after: [`If this was not you, choose a new password: ${publicUrl}/forgot-password`],
      };
  }
}

/** Plain text and simple HTML with the same words, so every mail client shows the link. */
export function composeAccountMail(payload: AccountMailPayload, url: string, publicUrl: string): Mail {
  const copy = copyFor(payload, url, publicUrl);
  const text = [
    ...copy.lines,
    '',
    ...(copy.action ? [`${copy.action.label}: ${copy.action.url}`, ''] : []),
    ...(copy.after ?? []),
  ].join('\n');
  const html = [
    ...copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(copy.action ? [`<p><a href="${escapeHtml(copy.action.url)}">${escapeHtml(copy.action.label)}</a></p>`] : []),
    ...(copy.after ?? []).map((line) => `<p>${escapeHtml(line)}</p>`),
  ].join('\n');
  return { to: payload.to, subject: copy.subject, text, html };
}
