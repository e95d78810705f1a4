import { http, HttpResponse } from 'msw';
import { ListEventsQuerySchema, SYNC_WINDOW, type SyncAck } from '@roster/contracts';
import type { MockOrg } from '../db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireAdminOf } from './session.ts';

/** What a client missed since `since`, or a reset when that is past the window: shared with the socket's sync. */
export function catchUp(org: MockOrg, since: number): SyncAck {
  if (since > org.seq || org.seq - since > SYNC_WINDOW) return { reset: true, headSeq: org.seq };
  return { events: org.events.filter((e) => e.seq > since), headSeq: org.seq };
}

export const eventsHandlers = [
  http.get('/api/orgs/:orgId/events', ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org } = requireAdminOf(params.orgId);
      const query = ListEventsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) throw new MockRefusal('VALIDATION_FAILED', 'Send ?since=N');
      const answer = catchUp(org, query.data.since);
      if ('reset' in answer)
        throw new MockRefusal('SYNC_WINDOW_EXCEEDED', 'Those events are no longer replayed; reload the list', {
          headSeq: answer.headSeq,
        });
      return HttpResponse.json(answer);
    }),
  ),
];
