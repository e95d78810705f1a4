import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, grantWorkspace } from '../../../test/factories.ts';
import { refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('externals never own a workspace (R22)', () => {
  it('refuses a workspace role change that would make an external an owner, as owners and admins alike', async () => {
    const o = await createOrg(
      t.database.db,
      { ada: 'ADMIN', olga: 'MEMBER', eve: 'EXTERNAL', lena: 'MEMBER' },
      { workspaces: ['Design'], lite: ['lena'] },
    );
    const design = o.workspaces.Design!;
    await grantWorkspace(t.database.db, o.id, design, o.people.olga!.id, 'OWNER');
    await grantWorkspace(t.database.db, o.id, design, o.people.eve!.id, 'MEMBER');
    const [ada, olga] = [await t.signIn(o.people.ada!.email), await t.signIn(o.people.olga!.email)];
    const url = `/api/orgs/${o.id}/workspaces/${design}/members`;
    for (const who of [olga, ada]) {
      const response = await who.patch(`${url}/${o.people.eve!.id}`, { role: 'OWNER', version: 1 });
      expect(await refusal(response)).toEqual({ status: 422, code: 'EXTERNAL_CANNOT_OWN' });
    }
    const eve = await t.database.db
      .selectFrom('workspace_members')
      .select(['role', 'version'])
      .where('workspace_id', '=', design)
      .where('user_id', '=', o.people.eve!.id)
      .executeTakeFirstOrThrow();
    expect(eve).toEqual({ role: 'MEMBER', version: 1 });
    // A lite person stays at most a viewer, with the code clients already explain.
    const lite = await ada.post(url, { userIds: [o.people.lena!.id], role: 'MEMBER' });
    expect(await refusal(lite)).toEqual({ status: 409, code: 'EXTERNAL_ROLE_LOCKED' });
  });
});
