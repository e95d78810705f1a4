import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';
import { benchFetch, signIn } from './http.ts';

/** An org with two admins (one opens the sockets, the other reads alongside) and one member whose role changes. */
export async function benchOrg(server: RunningServer, db: Db) {
  const org = await createOrg(db, { admin0: 'ADMIN', admin1: 'ADMIN', target: 'MEMBER' });
  const cookie = await signIn(server, org.people.admin0!.email, PASSWORD);
  const otherCookie = await signIn(server, org.people.admin1!.email, PASSWORD);
  let version = 1;
  let changes = 0;
  /** The next role change of the target, as a request; `changed` counts it once answered. */
  const nextChange = () => ({
    url: `${server.url}/api/orgs/${org.id}/members/${org.people.target!.id}`,
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body: JSON.stringify({ role: changes % 2 ? 'MEMBER' : 'EXTERNAL', version }),
  });
  const changed = () => {
    version += 1;
    changes += 1;
  };
  /** One role change of the target over HTTP; resolves when the response is in. */
  const changeRole = async () => {
    const { url, ...init } = nextChange();
    const response = await benchFetch(url, init);
    if (!response.ok) throw new Error(`change failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    changed();
  };
  return { orgId: org.id, cookie, otherCookie, changeRole, nextChange, changed };
}
