import { expect, it } from 'vitest';
import { deletionRefusal } from './delete-account.policy.ts';

it('refuses while any org needs the person, naming all of them, creator first', () => {
  expect(deletionRefusal([])).toBeNull();
  const lastAdmin = deletionRefusal([{ id: 'o1', name: 'Acme', reason: 'last_admin' }]);
  expect(lastAdmin).toMatchObject({ code: 'LAST_ADMIN_PROTECTED', details: { orgs: [{ id: 'o1' }] } });
  const both = deletionRefusal([
    { id: 'o1', name: 'Acme', reason: 'last_admin' },
    { id: 'o2', name: 'Globex', reason: 'creator' },
  ]);
  expect(both?.code).toBe('CREATOR_PROTECTED');
  expect(both?.details).toEqual({
    orgs: [
      { id: 'o1', name: 'Acme', reason: 'last_admin' },
      { id: 'o2', name: 'Globex', reason: 'creator' },
    ],
  });
  expect(both?.message).toMatch(/created Globex.*last admin of Acme/);
});
