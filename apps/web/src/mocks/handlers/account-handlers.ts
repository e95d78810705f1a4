import { http, HttpResponse } from 'msw';
import {
  ChangeEmailSchema,
  ChangePasswordSchema,
  DeleteAccountSchema,
  SessionsResponseSchema,
} from '@roster/contracts';
import { currentSession, CURRENT_SESSION_ID } from '../account-db.ts';
import { assertPassword, assertStrongPassword, findAccountByEmail, mail } from '../account-rules.ts';
import { db, setSession } from '../db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { body } from './request-body.ts';
import { requireSession } from './session.ts';

/** The account page's endpoints: signed-in devices, email and password changes, deletion. */
export const accountHandlers = [
  http.get('/api/me/sessions', () =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const others = db.auth.sessions.filter((s) => s.userId === person.id).map((s) => ({ ...s, current: false }));
      const items = [{ ...currentSession(person.id), current: true }, ...others].map(({ userId: _, ...s }) => s);
      return HttpResponse.json(SessionsResponseSchema.parse({ items }));
    }),
  ),
  http.delete('/api/me/sessions/:id', ({ params }) =>
    refusalsAsResponses(() => {
      const person = requireSession();
      if (params.id === CURRENT_SESSION_ID) throw new MockRefusal('VALIDATION_FAILED', 'Use sign out for this device');
      const before = db.auth.sessions.length;
      db.auth.sessions = db.auth.sessions.filter((s) => !(s.id === params.id && s.userId === person.id));
      if (db.auth.sessions.length === before) throw new MockRefusal('NOT_FOUND', 'This session was not found');
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.post('/api/me/sessions/revoke-others', () =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const revoked = db.auth.sessions.filter((s) => s.userId === person.id).length;
      db.auth.sessions = db.auth.sessions.filter((s) => s.userId !== person.id);
      return HttpResponse.json({ revoked });
    }),
  ),
  http.post('/api/auth/change-email', ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      const input = await body(request, ChangeEmailSchema);
      // The link goes to the new address; nothing changes until it is followed.
      if (!findAccountByEmail(input.newEmail))
        mail(
          input.newEmail,
          'Confirm your new email address',
          `Confirm ${input.newEmail} for ${person.name}.`,
          '/account',
        );
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post('/api/auth/change-password', ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      const input = await body(request, ChangePasswordSchema);
      assertPassword(person, input.currentPassword);
      assertStrongPassword(input.newPassword);
      person.password = input.newPassword;
      if (input.revokeOtherSessions) db.auth.sessions = db.auth.sessions.filter((s) => s.userId !== person.id);
      return HttpResponse.json({ token: 'mock-session' });
    }),
  ),
  http.post('/api/me/delete', ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      assertPassword(person, (await body(request, DeleteAccountSchema)).password);
      const orgs = db.orgs.flatMap((org): { id: string; name: string; reason: 'creator' | 'last_admin' }[] => {
        const me = org.members.find((m) => m.userId === person.id);
        if (!me) return [];
        if (org.settings.protectCreator && org.createdBy === person.id)
          return [{ id: org.id, name: org.name, reason: 'creator' }];
        const admins = org.members.filter((m) => m.role === 'ADMIN');
        return me.role === 'ADMIN' && admins.length === 1 ? [{ id: org.id, name: org.name, reason: 'last_admin' }] : [];
      });
      if (orgs.length > 0) {
        const code = orgs.some((o) => o.reason === 'creator') ? 'CREATOR_PROTECTED' : 'LAST_ADMIN_PROTECTED';
        throw new MockRefusal(code, 'Some organizations still need you', { orgs });
      }
      for (const org of db.orgs) org.members = org.members.filter((m) => m.userId !== person.id);
      db.people = db.people.filter((p) => p.id !== person.id);
      setSession(null);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
