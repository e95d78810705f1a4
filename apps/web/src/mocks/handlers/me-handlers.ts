import { http, HttpResponse } from 'msw';
import { MeSchema, type Me } from '@roster/contracts';
import { db } from '../db.ts';
import { refusalsAsResponses } from '../mock-errors.ts';
import { requireSession } from './session.ts';

export const meHandlers = [
  http.get('/api/me', () =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const organizations = db.orgs.flatMap((org) => {
        const membership = org.members.find((m) => m.userId === person.id);
        return membership
          ? [
              {
                id: org.id,
                name: org.name,
                slug: org.slug,
                role: membership.role,
                lite: membership.lite,
                isCreator: org.createdBy === person.id,
                settings: org.settings,
              },
            ]
          : [];
      });
      const me: Me = MeSchema.parse({ user: { id: person.id, name: person.name, email: person.email }, organizations });
      return HttpResponse.json(me);
    }),
  ),
];
