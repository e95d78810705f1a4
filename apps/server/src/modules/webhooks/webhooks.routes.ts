import { Hono } from 'hono';
import { CreateWebhookSchema, ListWebhookDeliveriesQuerySchema, UpdateWebhookSchema } from '@roster/contracts';
import { requireUser, type AppEnv } from '../../http/context.ts';
import { jsonBody, validate } from '../../http/validate.ts';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookDeps,
} from './webhooks.service.ts';

/** `/api/orgs/:orgId/webhooks`: an org's signed webhooks (admins, ADR 33). */
export function webhooksRoutes(deps: WebhookDeps) {
  const orgId = (c: { req: { param(name: 'orgId'): string | undefined } }) => c.req.param('orgId')!;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listWebhooks(deps, requireUser(c), orgId(c))))
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = validate(CreateWebhookSchema, await jsonBody(c.req.raw));
      return c.json(await createWebhook(deps, user, orgId(c), body), 201);
    })
    .patch('/:id', async (c) => {
      const user = requireUser(c);
      const body = validate(UpdateWebhookSchema, await jsonBody(c.req.raw));
      return c.json(await updateWebhook(deps, user, orgId(c), c.req.param('id'), body));
    })
    .delete('/:id', async (c) => {
      await deleteWebhook(deps, requireUser(c), orgId(c), c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/rotate-secret', async (c) =>
      c.json(await rotateWebhookSecret(deps, requireUser(c), orgId(c), c.req.param('id'))),
    )
    .post('/:id/deliveries/:deliveryId/redeliver', async (c) =>
      c.json(await redeliverWebhook(deps, requireUser(c), orgId(c), c.req.param('id'), c.req.param('deliveryId'))),
    )
    .get('/:id/deliveries', async (c) => {
      const user = requireUser(c);
      const query = validate(ListWebhookDeliveriesQuerySchema, c.req.query());
      return c.json(await listWebhookDeliveries(deps, user, orgId(c), c.req.param('id'), query));
    });
}
