import { Hono } from 'hono';
import { UpdateMeSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { getMe, updateMe } from './me.service.ts';

/** `GET /api/me` and `PATCH /api/me` (the display name). */
export function meRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await getMe(deps, requireUser(c))))
    .patch('/', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateMeSchema, await jsonBody(c.req.raw));
      return c.json(await updateMe(deps, user, body));
    });
}
