// What one person may do in the org, for a backend authorizing a request in one call:
// their org role, and their role in each workspace with the reason.
// Needs a key with members:read.
//   node examples/check-access.mjs <userId>
import { orgId, roster, run } from './roster.mjs';

run(async () => {
  const userId = process.argv[2];
  if (!userId) throw new Error('Give the user id to check');
  const access = await roster('GET', `/api/orgs/${orgId}/members/${encodeURIComponent(userId)}/access`);
  console.log(`org role\t${access.orgRole}${access.lite ? ' (lite)' : ''}`);
  for (const workspace of access.workspaces)
    console.log(`${workspace.name}\t${workspace.role ?? 'no access'}\t${workspace.reason}`);
});
