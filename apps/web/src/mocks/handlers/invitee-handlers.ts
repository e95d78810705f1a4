import { http, HttpResponse } from 'msw';
import {
  AcceptInvitationResponseSchema,
  DevMailboxResponseSchema,
  ListMyInvitationsResponseSchema,
  InvitationSignUpSchema,
  PublicInvitationSchema,
} from '@roster/contracts';
import { createAccount } from '../account-db.ts';
import { assertStrongPassword, findAccountByEmail } from '../account-rules.ts';
import { db, findOrg, findPerson, setSession } from '../db.ts';
import { invitationStore } from '../invitation-store.ts';
import { assertOpen, decide, findByToken, findMine, myOpenInvitations } from '../invitation-rules.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { body } from './request-body.ts';
import { requireSession } from './session.ts';

/** The invitee's endpoints: the link's public view, accept/decline by token or from the inbox, the dev mailbox. */
export const inviteeHandlers = [
  http.get('/api/invitations/:token', ({ params }) =>
    refusalsAsResponses(() => {
      const stored = findByToken(String(params.token));
      if (stored.status !== 'accepted' && stored.status !== 'declined') assertOpen(stored);
      const person = findPerson(db.sessionUserId);
      const matches = Boolean(person && person.email.toLowerCase() === stored.row.email.toLowerCase());
      return HttpResponse.json(
        PublicInvitationSchema.parse({
          orgName: findOrg(stored.orgId)?.name ?? 'Unknown',
          inviterName: stored.row.invitedBy.name,
          role: stored.row.role,
          status: stored.status,
          // Signed out, the link itself stands for the address it was mailed to (the sign-up form shows it).
          email: matches || !person ? stored.row.email : null,
          matchesSignedInUser: matches,
          signedIn: Boolean(person),
        }),
      );
    }),
  ),
  http.post('/api/invitations/:token/sign-up', ({ request, params }) =>
    refusalsAsResponses(async () => {
      const stored = findByToken(String(params.token));
      assertOpen(stored);
      const input = await body(request, InvitationSignUpSchema);
      if (findAccountByEmail(stored.row.email))
        throw new MockRefusal('ACCOUNT_EXISTS', 'An account already uses this address; sign in instead');
      assertStrongPassword(input.password);
      const id = `usr_${db.people.length + 1}`;
      // The link proved the address, so the account starts verified and signed in (R8, R18).
      db.people.push(createAccount({ id, name: input.name, email: stored.row.email.toLowerCase() }, input.password));
      setSession(id);
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post('/api/invitations/:token/accept', ({ params }) =>
    refusalsAsResponses(() => {
      requireSession();
      return HttpResponse.json(
        AcceptInvitationResponseSchema.parse(decide(findByToken(String(params.token)), 'accept')),
      );
    }),
  ),
  http.post('/api/invitations/:token/decline', ({ params }) =>
    refusalsAsResponses(() => {
      requireSession();
      decide(findByToken(String(params.token)), 'decline');
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.get('/api/me/invitations', () =>
    refusalsAsResponses(() => HttpResponse.json(ListMyInvitationsResponseSchema.parse({ items: myOpenInvitations() }))),
  ),
  http.post('/api/me/invitations/:id/:decision', ({ params }) =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const stored = findMine(String(params.id));
      // Someone else's invitation is as unknown as a missing one.
      if (!stored || stored.row.email.toLowerCase() !== person.email.toLowerCase())
        throw new MockRefusal('NOT_FOUND', 'This invitation was not found');
      if (params.decision === 'accept')
        return HttpResponse.json(AcceptInvitationResponseSchema.parse(decide(stored, 'accept')));
      decide(stored, 'decline');
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.get('/api/dev/mailbox', () =>
    HttpResponse.json(DevMailboxResponseSchema.parse({ items: invitationStore().mails })),
  ),
];
