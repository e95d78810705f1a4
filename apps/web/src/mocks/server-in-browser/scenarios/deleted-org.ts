import type { World } from './world.ts';

/**
 * Ada founded Beta Labs and deleted it, through the API like the danger zone does: her switcher
 * lists it as Deleted, and opening it offers the restore.
 */
export async function seedDeletedOrg(world: World): Promise<void> {
  const ada = await world.as('ada@acme.test');
  const created = await ada.call<{ org: { id: string } }>('POST', '/api/orgs', { name: 'Beta Labs' });
  if (!created) throw new Error('Ada could not create Beta Labs');
  await ada.call('DELETE', `/api/orgs/${created.org.id}`, { confirm: 'Beta Labs' });
}
