import { http, HttpResponse } from 'msw';
import { MeSchema, UpdateMeSchema, type Me } from '@roster/contracts';
import { db } from '../db.ts';
import type { MockAccount } from '../account-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { body } from './request-body.ts';
import { requireSession } from './session.ts';

function meOf(person: MockAccount): Me {
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
  const { id, name, email, emailVerified, twoFactorEnabled, version } = person;
  return MeSchema.parse({ user: { id, name, email, emailVerified, twoFactorEnabled, version }, organizations });
}

export const meHandlers = [
  http.get('/api/me', () => refusalsAsResponses(() => HttpResponse.json(meOf(requireSession())))),
  http.patch('/api/me', ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      const input = await body(request, UpdateMeSchema);
      if (input.version !== person.version)
        throw new MockRefusal('VERSION_CONFLICT', 'Your account changed in the meantime', {
          current: meOf(person).user,
        });
      person.name = input.name;
      person.version += 1;
      for (const org of db.orgs)
        for (const member of org.members) if (member.userId === person.id) member.name = input.name;
      return HttpResponse.json(meOf(person));
    }),
  ),
];
