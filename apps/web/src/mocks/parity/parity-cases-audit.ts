import type { ParityCase, Step } from './parity-step.ts';

/** Rows for the audit log and the exports (issue 11); the demo org starts with an empty log. */
const O = '/api/orgs/{org}';

/** Ada makes Linus `role`, at the version she just read. */
const linusBecomes = (role: string): Step[] => [
  { as: 'ada', method: 'GET', path: `${O}/members?q=linus`, expect: 200, save: { lv: 'items.0.version' } },
  { as: 'ada', method: 'PATCH', path: `${O}/members/{user:linus}`, body: { role, version: '{lv}' }, expect: 200 },
];

export const auditCases: ParityCase[] = [
  {
    name: 'audit: role changes in the log, filtered and paged; a refusal listed apart',
    steps: [
      ...linusBecomes('ADMIN'),
      ...linusBecomes('MEMBER'),
      { as: 'linus', method: 'PATCH', path: `${O}/members/{user:grace}`, body: { role: 'MEMBER', version: 1 } },
      { as: 'ada', method: 'GET', path: `${O}/audit`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/audit?action=member.*&limit=1`, expect: 200, save: { c: 'nextCursor' } },
      { as: 'ada', method: 'GET', path: `${O}/audit?action=member.*&limit=1&cursor={c}`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/audit?q=LINUS&actor={user:ada}&target={user:linus}`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/audit?action=settings.*,workspace.*`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/audit?outcome=denied`, expect: 200 },
    ],
  },
  {
    name: 'audit: refused to members and guests, with a forged cursor, past the page limit',
    steps: [
      { as: 'linus', method: 'GET', path: `${O}/audit`, expect: 403 },
      { as: null, method: 'GET', path: `${O}/audit`, expect: 401 },
      { as: 'ada', method: 'GET', path: `${O}/audit?cursor=forged`, expect: 400 },
      { as: 'ada', method: 'GET', path: `${O}/audit?limit=500`, expect: 422 },
      { as: 'ada', method: 'GET', path: `${O}/audit?action=member.%25`, expect: 422 },
    ],
  },
  {
    name: 'audit: the log and the members exported, as CSV and as NDJSON, once Linus is an admin',
    steps: [
      { as: 'linus', method: 'GET', path: `${O}/audit/export?format=csv`, expect: 403 },
      { as: 'linus', method: 'GET', path: `${O}/members/export`, expect: 403 },
      ...linusBecomes('ADMIN'),
      { as: 'ada', method: 'GET', path: `${O}/audit/export?format=ndjson`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/audit/export?format=csv&action=member.*`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members/export`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members/export?format=ndjson`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/members/export?format=ndjson`, expect: 200 },
      { as: 'ext', method: 'GET', path: `${O}/members/export`, expect: 403 },
    ],
  },
];
