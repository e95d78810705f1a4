import { http, HttpResponse } from 'msw';
import {
  AcceptInvitationResponseSchema,
  DevMailboxResponseSchema,
  ListMyInvitationsResponseSchema,
  PublicInvitationSchema,
} from '@roster/contracts';
import { db, findOrg, findPerson } from '../db.ts';
import { invitationStore } from '../invitation-store.ts';
import { assertOpen, decide, findByToken, findMine, myOpenInvitations } from '../invitation-rules.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
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
          email: matches ? stored.row.email : null,
          matchesSignedInUser: matches,
          signedIn: Boolean(person),
        }),
      );
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
