import { Hono } from 'hono';
import { UpdateOrgSettingsSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import type { MutationDeps } from '../../mutation/run-mutation.ts';
import { getSettings, updateSettings } from './settings.service.ts';

export function settingsRoutes(deps: MutationDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await getSettings(deps, requireUser(c), c.req.param('orgId')!)))
    .patch('/', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateOrgSettingsSchema, await jsonBody(c.req.raw));
      return c.json(await updateSettings(deps, user, c.req.param('orgId')!, body));
    });
}
