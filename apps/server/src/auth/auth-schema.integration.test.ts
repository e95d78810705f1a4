import { afterAll, beforeAll, expect, it } from 'vitest';
import { getMigrations } from 'better-auth/db/migration';
import { createTestDatabase } from '../../test/test-database.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../lib/logger.ts';
import { createAuthLimits } from './auth-limits.ts';
import { createAuth } from './auth.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('our frozen migration creates every table and column the auth library expects', async () => {
  const auth = createAuth({
    db: database.db,
    secret: 'x'.repeat(48),
    baseURL: 'http://localhost',
    trustedOrigins: [],
    hooks: {
      mail: { send: async () => {} },
      limits: createAuthLimits({ db: database.db, logger: createLogger('silent') }),
      onSessionsRevoked: async () => {},
      notifyLocked: async () => {},
      onAccountChanged: async () => {},
    },
    logger: createLogger('silent'),
  });
  const { toBeCreated, toBeAdded } = await getMigrations(auth.options);
  expect(toBeCreated).toEqual([]);
  expect(toBeAdded).toEqual([]);
});
