// Invites addresses to the org as MEMBER (or the role given), e.g. a batch of new hires.
// Needs a key with invitations:write (and the admin scope to invite an ADMIN).
//   node examples/invite.mjs ada@example.com grace@example.com [--role EXTERNAL]
import { orgId, roster, run } from './roster.mjs';

run(async () => {
  const args = process.argv.slice(2);
  const roleAt = args.indexOf('--role');
  const role = roleAt >= 0 ? args[roleAt + 1] : 'MEMBER';
  const emails = args.filter((_, i) => roleAt < 0 || (i !== roleAt && i !== roleAt + 1));
  if (emails.length === 0) throw new Error('Name at least one address to invite');
  const { results } = await roster('POST', `/api/orgs/${orgId}/invitations`, { emails, role });
  // Each address gets its own outcome: invited, requested, duplicate, already_member or invalid.
  for (const result of results) console.log(`${result.email}\t${result.status}`);
});
