import { Hono } from 'hono';
import { ListEventsQuerySchema } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { validate } from '../../http/validate.ts';
import { listEvents } from './events.service.ts';

export function eventsRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { since } = validate(ListEventsQuerySchema, c.req.query());
    return c.json(await listEvents(db, requireUser(c), c.req.param('orgId')!, since));
  });
}
