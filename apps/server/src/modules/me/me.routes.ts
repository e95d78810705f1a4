import { Hono } from 'hono';
import type { Me } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { myOrganizations } from './me.repository.ts';

export function meRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const user = requireUser(c);
    const me: Me = { user, organizations: await myOrganizations(db, user.id) };
    return c.json(me);
  });
}
