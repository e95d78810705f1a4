import { afterAll, beforeAll, expect, it } from 'vitest';
import { MeSchema, defaultOrgSettings } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('tells the signed-in person who they are and, per org, their role, whether they created it and its settings', async () => {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { settings: { allowSelfLeave: true } });
  const linus = await t.signIn(org.people.linus!.email);
  const me = MeSchema.parse(await (await linus.get('/api/me')).json());
  expect(me.user).toEqual({ id: org.people.linus!.id, name: 'Linus Tester', email: org.people.linus!.email });
  expect(me.organizations).toEqual([
    expect.objectContaining({
      id: org.id,
      role: 'MEMBER',
      lite: false,
      isCreator: false,
      settings: { ...defaultOrgSettings, allowSelfLeave: true },
    }),
  ]);
  const ada = MeSchema.parse(await (await (await t.signIn(org.people.ada!.email)).get('/api/me')).json());
  expect(ada.organizations[0]?.isCreator).toBe(true);
  expect((await t.server.app.request('/api/me')).status).toBe(401);
});
