import { http, HttpResponse } from 'msw';
import { UpdateOrgSettingsSchema, type OrgSettingsResponse } from '@roster/contracts';
import { findOrg, roleIn } from '../db.ts';
import { actorOf, emitOrgEvent, emitPersonal, governanceOf } from '../governance-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireAdminOf, requireSession } from './session.ts';

const path = '/api/orgs/:orgId';

export const settingsHandlers = [
  http.get(`${path}/settings`, ({ params }) =>
    refusalsAsResponses(() => {
      const { org } = requireAdminOf(params.orgId);
      const body: OrgSettingsResponse = { settings: org.settings, version: governanceOf(org).settingsVersion };
      return HttpResponse.json(body);
    }),
  ),
  http.patch(`${path}/settings`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const parsed = UpdateOrgSettingsSchema.safeParse(await request.json().catch(() => null));
      if (!parsed.success) throw new MockRefusal('VALIDATION_FAILED', 'The settings are not valid');
      const state = governanceOf(org);
      const { version, ...changes } = parsed.data;
      if (version !== state.settingsVersion) {
        // Like the server: who last changed them comes from the log.
        const last = org.events.findLast((e) => e.type === 'settings.updated');
        throw new MockRefusal(
          'VERSION_CONFLICT',
          'Someone changed the settings in the meantime; yours were not applied',
          {
            current: { settings: org.settings, version: state.settingsVersion },
            changedBy: last?.actor ?? null,
            changedAt: last?.at ?? null,
          },
        );
      }
      org.settings = { ...org.settings, ...changes };
      state.settingsVersion += 1;
      const next: OrgSettingsResponse = {
        settings: org.settings,
        version: state.settingsVersion,
        changedBy: actorOf(actorId),
      };
      emitOrgEvent(org, { type: 'settings.updated', data: next }, actorId);
      return HttpResponse.json(next);
    }),
  ),
  http.post(`${path}/leave`, ({ params }) =>
    refusalsAsResponses(() => {
      const person = requireSession();
      const org = findOrg(String(params.orgId));
      const role = org ? roleIn(org, person.id) : null;
      if (!org || !role) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
      if (!org.settings.allowSelfLeave)
        throw new MockRefusal('FORBIDDEN', 'This organization does not let members leave on their own; ask an admin');
      if (org.settings.protectCreator && org.createdBy === person.id)
        throw new MockRefusal('CREATOR_PROTECTED', 'The creator of the organization cannot leave it');
      if (role === 'ADMIN' && org.members.filter((m) => m.role === 'ADMIN').length <= 1)
        throw new MockRefusal(
          'LAST_ADMIN_PROTECTED',
          'You are the last admin: make someone else an admin before you leave',
        );
      org.members = org.members.filter((m) => m.userId !== person.id);
      emitOrgEvent(org, { type: 'member.left', data: { userId: person.id, name: person.name } }, person.id);
      emitPersonal(org, { type: 'access.changed', data: { role: null } }, person.id, person.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
