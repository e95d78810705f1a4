// Prints every member of the org, one per line: email, role, workspaces.
// Needs a key with members:read.
//   ROSTER_API_KEY=rk_… ROSTER_ORG_ID=… node examples/list-members.mjs
import { orgId, roster, run } from './roster.mjs';

run(async () => {
  let cursor;
  let count = 0;
  do {
    const query = new URLSearchParams({ limit: '200', sort: 'email', ...(cursor && { cursor }) });
    const page = await roster('GET', `/api/orgs/${orgId}/members?${query}`);
    for (const member of page.items) {
      const workspaces = member.workspaces.map((w) => `${w.name}:${w.role}`).join(';');
      console.log([member.email, member.role, workspaces].join('\t'));
      count++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  console.error(`${count} members`);
});
