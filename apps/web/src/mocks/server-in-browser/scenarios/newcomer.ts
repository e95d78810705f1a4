import { DEMO_PASSWORD } from '../../../../../server/src/db/seed-demo.ts';
import { hashPassword, insertUsers } from '../../../../../server/src/db/seed-helpers.ts';
import type { World } from './world.ts';

export const NEWCOMER_EMAIL = 'nora@acme.test';

/**
 * Nora (nora@acme.test, the demo password) has a verified account and no organization. Ada adds
 * acme.test to Acme; the link mailed to it@acme.test is opened (by Nora, as IT would), and Ada
 * lets people at acme.test join on one click. Nora's welcome page then offers "Join Acme".
 * Nora's account is a row like the demo seed's; the domain goes through the real API and mail.
 */
export async function seedNewcomer(world: World): Promise<void> {
  await insertUsers(
    world.server.db,
    [{ name: 'Nora Newcomer', email: NEWCOMER_EMAIL }],
    await hashPassword(DEMO_PASSWORD),
    new Date(),
  );
  const ada = await world.as('ada@acme.test');
  const added = await ada.call<{ domain: { id: string } }>('POST', `/api/orgs/${world.orgId}/domains`, {
    domain: 'acme.test',
    verifyEmail: 'it@acme.test',
  });
  if (!added) throw new Error('Ada could not add acme.test');
  const link = new URL(await linkMailedTo(world, 'it@acme.test'));
  const nora = await world.as(NEWCOMER_EMAIL);
  await nora.call('POST', `/api/orgs/${world.orgId}/domains/${added.domain.id}/verify`, {
    token: link.searchParams.get('token'),
  });
  await ada.call('PATCH', `/api/orgs/${world.orgId}/domains/${added.domain.id}`, { enrollment: 'suggest', version: 2 });
}

/** The first link in the latest mail to `address`, once the outbox has sent it (a few seconds at most). */
async function linkMailedTo(world: World, address: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = await world.server.db
      .selectFrom('dev_mailbox')
      .select('text')
      .where('to', '=', address)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const link = mail && /https?:\/\/\S+/.exec(mail.text)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail reached ${address}`);
}
