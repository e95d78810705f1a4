import { afterAll, beforeAll, expect, it } from 'vitest';
import { DomainError } from '../lib/domain-error.ts';
import { systemClock } from '../lib/clock.ts';
import { createLogger } from '../lib/logger.ts';
import { silentPublisher } from '../realtime/publisher.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase, usingPostgres } from '../../test/test-database.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createOrgQueue } from './org-queue.ts';
import { runMutation } from './run-mutation.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

// Another process's change holds the org lock; ours waits for it in the same database. Only a
// server database has row locks to wait on (the embedded one runs one transaction at a time).
it.runIf(usingPostgres)(
  "sees the actor's role as the change it waited for left it: a demoted admin's change is refused",
  async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const grace = org.people.grace!;
    const deps = {
      db: database.db,
      clock: systemClock,
      publisher: silentPublisher,
      logger: createLogger('silent'),
      orgQueue: createOrgQueue({ maxWaitMs: 10_000 }),
    };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    // The other process: takes the lock, demotes Grace, and commits only once ours is waiting.
    const other = database.db.transaction().execute(async (tx) => {
      await tx.selectFrom('organizations').select('id').where('id', '=', org.id).forUpdate().execute();
      await tx
        .updateTable('org_members')
        .set({ role: 'MEMBER' })
        .where('org_id', '=', org.id)
        .where('user_id', '=', grace.id)
        .execute();
      locked();
      await released;
    });
    await lockHeld;
    const ours = runMutation(
      deps,
      {
        orgId: org.id,
        user: {
          id: grace.id,
          name: grace.name,
          email: grace.email,
          emailVerified: true,
          twoFactorEnabled: false,
          sessionId: 's',
        },
        action: 'settings.update',
        authorize(actor) {
          if (actor.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'Admins only');
        },
      },
      async () => 'changed',
    );
    // Give ours time to reach the lock and wait on it, then let the demotion commit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await other;
    await expect(ours).rejects.toMatchObject({ code: 'FORBIDDEN' });
  },
);
