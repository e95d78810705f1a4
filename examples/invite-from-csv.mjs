// Invites everyone in a CSV file: a column `email`, and optionally `role` (MEMBER when empty).
// Quoted fields, semicolons and a byte-order mark are fine. Needs a key with invitations:write.
//   node examples/invite-from-csv.mjs new-hires.csv
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { orgId, roster, run } from './roster.mjs';

run(async () => {
  const file = process.argv[2];
  if (!file) throw new Error('Give the CSV file to read');
  const { data, errors } = Papa.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  if (errors.length > 0) throw new Error(`${file}, row ${errors[0].row + 2}: ${errors[0].message}`);
  // One request per role, 200 addresses at most each (the API's batch size).
  const byRole = new Map();
  for (const row of data) {
    const role = row.role?.trim().toUpperCase() || 'MEMBER';
    byRole.set(role, [...(byRole.get(role) ?? []), row]);
  }
  for (const [role, rows] of byRole) {
    const emails = rows.map((row) => row.email?.trim()).filter(Boolean);
    for (let i = 0; i < emails.length; i += 200) {
      const body = { emails: emails.slice(i, i + 200), role };
      const { results } = await roster('POST', `/api/orgs/${orgId}/invitations`, body);
      for (const result of results) console.log(`${result.email}\t${role}\t${result.status}`);
    }
  }
});
