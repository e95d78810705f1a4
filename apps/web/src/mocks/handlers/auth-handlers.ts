import { http, HttpResponse } from 'msw';
import {
  RequestPasswordResetSchema,
  ResendVerificationSchema,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
} from '@roster/contracts';
import { createAccount } from '../account-db.ts';
import { assertStrongPassword, countAttempt, findAccountByEmail, isLimited, mail } from '../account-rules.ts';
import { db, setSession } from '../db.ts';
import { errorResponse, MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { body } from './request-body.ts';

const SIGN_IN_ATTEMPTS = 5;
const RESENDS = 3;
const rateLimited = (seconds: number) => {
  const response = errorResponse('RATE_LIMITED', 'Too many attempts');
  response.headers.set('Retry-After', String(seconds));
  return response;
};

/** The auth library's endpoints as the server exposes them (errors reshaped into our envelope). */
export const authHandlers = [
  http.post('/api/auth/sign-in/email', async ({ request }) => {
    const parsed = SignInSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return errorResponse('VALIDATION_FAILED', 'Invalid email', { reason: 'INVALID_EMAIL' });
    const key = `sign-in:${parsed.data.email.toLowerCase()}`;
    if (isLimited(key, SIGN_IN_ATTEMPTS)) return rateLimited(12 * 60);
    const person = findAccountByEmail(parsed.data.email);
    if (!person || person.password !== parsed.data.password) {
      countAttempt(key, SIGN_IN_ATTEMPTS);
      return errorResponse('UNAUTHENTICATED', 'Invalid email or password', { reason: 'INVALID_EMAIL_OR_PASSWORD' });
    }
    // R18: nobody is signed in on an unproven address; the server mails a fresh link.
    if (!person.emailVerified) return errorResponse('EMAIL_NOT_VERIFIED', 'Verify your email address first');
    if (person.twoFactorEnabled) {
      db.auth.pendingTwoFactorUserId = person.id;
      return HttpResponse.json({ twoFactorRedirect: true });
    }
    setSession(person.id);
    return HttpResponse.json({ redirect: false, token: 'mock-session', user: { id: person.id, email: person.email } });
  }),
  http.post('/api/auth/sign-up/email', ({ request }) =>
    refusalsAsResponses(async () => {
      const input = await body(request, SignUpSchema);
      assertStrongPassword(input.password);
      // No enumeration: an address that already has an account gets the same answer.
      if (!findAccountByEmail(input.email)) {
        const id = `usr_${db.people.length + 1}`;
        db.people.push(
          createAccount({ id, name: input.name, email: input.email.toLowerCase() }, input.password, false),
        );
      }
      return HttpResponse.json({ token: null });
    }),
  ),
  http.post('/api/auth/send-verification-email', ({ request }) =>
    refusalsAsResponses(async () => {
      const input = await body(request, ResendVerificationSchema);
      if (countAttempt(`resend:${input.email.toLowerCase()}`, RESENDS)) return rateLimited(45);
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post('/api/auth/request-password-reset', ({ request }) =>
    refusalsAsResponses(async () => {
      const input = await body(request, RequestPasswordResetSchema);
      const person = findAccountByEmail(input.email);
      if (person) {
        const href = `${window.location.origin}/reset-password?token=reset_${person.id}`;
        mail(person.email, 'Reset your Roster password', 'Someone asked to reset your password.', href);
      }
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post('/api/auth/reset-password', ({ request }) =>
    refusalsAsResponses(async () => {
      const input = await body(request, ResetPasswordSchema);
      const person = db.people.find((p) => `reset_${p.id}` === input.token);
      if (!person) throw new MockRefusal('VALIDATION_FAILED', 'Invalid token', { reason: 'INVALID_TOKEN' });
      assertStrongPassword(input.newPassword);
      person.password = input.newPassword;
      db.auth.sessions = db.auth.sessions.filter((s) => s.userId !== person.id);
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post('/api/auth/sign-out', () => {
    setSession(null);
    return HttpResponse.json({ success: true });
  }),
];
