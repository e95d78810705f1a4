import { auditCases } from './parity-cases-audit.ts';
import { orgCases } from './parity-cases-orgs.ts';
import type { ParityCase, Step } from './parity-step.ts';

/**
 * The parity table (issue 15): request sequences over every route, each with its success and
 * its refusals, run from the freshly seeded demo org on the real server and on mock mode.
 * The seed: Acme, created by Ada; Ada and Grace ADMIN, Linus MEMBER, Eve (ext) EXTERNAL lite;
 * workspaces Platform (Ada owns), Design (Grace owns, Ada member), Research (Linus member,
 * Eve viewer), Growth; default settings (members_request, creator protected, no caps).
 */
const O = '/api/orgs/{org}';
const DEMO_PASSWORD = 'roster-demo';
const tokenOf = (answer: unknown) => (answer as { url: string }).url.split('/invitations/')[1];
/** A row's version in a list answer (`items`), found by its email address. */
const versionIn = (email: string) => (answer: unknown) =>
  (answer as { items: { email: string; version: number }[] }).items.find((row) => row.email === email)?.version;
/** The id of a session other than the one the request came with. */
const otherSession = (answer: unknown) =>
  (answer as { items: { id: string; current: boolean }[] }).items.find((session) => !session.current)?.id;

const readSettings: Step = { as: 'ada', method: 'GET', path: `${O}/settings`, expect: 200, save: { sv: 'version' } };
/** Ada changes settings at the version she just read. */
const settings = (changes: Record<string, unknown>): Step[] => [
  readSettings,
  { as: 'ada', method: 'PATCH', path: `${O}/settings`, body: { ...changes, version: '{sv}' }, expect: 200 },
];
/** Saves a member's version as `{key}`, read from the members list. */
const memberVersion = (q: string, key: string, as: Step['as'] = 'ada'): Step => ({
  as,
  method: 'GET',
  path: `${O}/members?q=${q}`,
  expect: 200,
  save: { [key]: 'items.0.version' },
});
const workspaceVersion = (ws: string, key: string): Step => ({
  as: 'ada',
  method: 'GET',
  path: `${O}/workspaces/{ws:${ws}}/deletion-impact`,
  expect: 200,
  save: { [key]: 'workspace.version' },
});
/** Ada invites one address; its id is `{inv}`, its version `{iv}`. */
const invite = (email: string, extra: Record<string, unknown> = {}): Step[] => [
  {
    as: 'ada',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: [email], role: 'MEMBER', ...extra },
    expect: 200,
    save: { inv: 'results.0.invitationId' },
  },
  { as: 'ada', method: 'GET', path: `${O}/invitations?q=${email}`, expect: 200, save: { iv: 'items.0.version' } },
];
/** Linus proposes an invitation (the default members_request policy); its id is `{req}`, version `{rv}`. */
const request = (email: string): Step[] => [
  {
    as: 'linus',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: [email], role: 'MEMBER' },
    expect: 200,
    save: { req: 'results.0.invitationId' },
  },
  { as: 'ada', method: 'GET', path: `${O}/invite-requests`, expect: 200, save: { rv: 'items.0.version' } },
];
/** A link for `{inv}`; its token is `{token}`. */
const link: Step = {
  as: 'ada',
  method: 'POST',
  path: `${O}/invitations/{inv}/link`,
  body: {},
  expect: 200,
  save: { token: tokenOf },
};

const auth: ParityCase[] = [
  { name: 'health', steps: [{ as: null, method: 'GET', path: '/api/health', expect: 200 }] },
  { name: 'unknown route', steps: [{ as: 'ada', method: 'GET', path: '/api/nope', expect: 404 }] },
  {
    name: 'unknown route, signed out',
    steps: [{ as: null, method: 'POST', path: '/api/nope', body: {}, expect: 404 }],
  },
  { name: 'me, signed out', steps: [{ as: null, method: 'GET', path: '/api/me', expect: 401 }] },
  {
    name: 'me, each kind of person',
    steps: [
      { as: 'ada', method: 'GET', path: '/api/me', expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
      { as: 'ext', method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'sign in, then me',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'linus@acme.test', password: DEMO_PASSWORD },
        expect: 200,
      },
      { as: null, method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'sign in with a wrong password',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'linus@acme.test', password: 'not-the-password' },
      },
    ],
  },
  {
    name: 'sign in with an unknown address',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'nobody@acme.test', password: DEMO_PASSWORD },
      },
    ],
  },
  {
    name: 'sign in without a password',
    steps: [{ as: null, method: 'POST', path: '/api/auth/sign-in/email', body: { email: 'linus@acme.test' } }],
  },
  {
    name: 'sign up, then sign in before verifying',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-up/email',
        body: { name: 'New Person', email: 'new@else.test', password: 'a-long-new-password-1' },
        expect: 200,
      },
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'new@else.test', password: 'a-long-new-password-1' },
        expect: 403,
      },
    ],
  },
  {
    name: 'sign up with a taken address',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-up/email',
        body: { name: 'Ada Again', email: 'ada@acme.test', password: 'a-long-new-password-1' },
        expect: 200,
      },
    ],
  },
  {
    name: 'sign up with a weak password',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-up/email',
        body: { name: 'New Person', email: 'weak@else.test', password: 'short' },
      },
    ],
  },
  {
    name: 'sign out, then me',
    steps: [
      { as: 'linus', method: 'POST', path: '/api/auth/sign-out', body: {}, expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 401 },
    ],
  },
  { name: 'a change without a body', steps: [{ as: 'ada', method: 'PATCH', path: '/api/me' }] },
  { name: 'malformed JSON', steps: [{ as: 'ada', method: 'PATCH', path: '/api/me', body: '{"name": ' }] },
  {
    name: 'rename yourself, then again at the old version',
    steps: [
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200, save: { mv: 'user.version' } },
      { as: 'linus', method: 'PATCH', path: '/api/me', body: { name: 'Linus T.', version: '{mv}' }, expect: 200 },
      { as: 'linus', method: 'PATCH', path: '/api/me', body: { name: 'Linus Again', version: '{mv}' }, expect: 409 },
    ],
  },
  {
    name: 'rename yourself to nothing',
    steps: [{ as: 'linus', method: 'PATCH', path: '/api/me', body: { name: '   ', version: 1 }, expect: 422 }],
  },
  {
    name: 'sessions: list, a second one, revoke the others',
    steps: [
      { as: 'linus', method: 'GET', path: '/api/me/sessions', expect: 200 },
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'linus@acme.test', password: DEMO_PASSWORD },
        expect: 200,
      },
      { as: 'linus', method: 'GET', path: '/api/me/sessions', expect: 200 },
      { as: 'linus', method: 'POST', path: '/api/me/sessions/revoke-others', body: {}, expect: 200 },
      { as: null, method: 'GET', path: '/api/me', expect: 401 },
      { as: 'linus', method: 'GET', path: '/api/me/sessions', expect: 200 },
    ],
  },
  {
    name: 'sessions: revoke one by id, and an unknown one',
    steps: [
      {
        as: null,
        method: 'POST',
        path: '/api/auth/sign-in/email',
        body: { email: 'linus@acme.test', password: DEMO_PASSWORD },
        expect: 200,
      },
      {
        as: 'linus',
        method: 'GET',
        path: '/api/me/sessions',
        expect: 200,
        save: {
          other: otherSession,
        },
      },
      { as: 'linus', method: 'DELETE', path: '/api/me/sessions/{other}' },
      { as: null, method: 'GET', path: '/api/me', expect: 401 },
      { as: 'linus', method: 'DELETE', path: '/api/me/sessions/00000000-0000-4000-8000-000000000000' },
    ],
  },
  { name: 'sessions, signed out', steps: [{ as: null, method: 'GET', path: '/api/me/sessions', expect: 401 }] },
  {
    name: 'delete your account: wrong password, creator, a member',
    steps: [
      { as: 'linus', method: 'POST', path: '/api/me/delete', body: { password: 'not-the-password' } },
      { as: 'ada', method: 'POST', path: '/api/me/delete', body: { password: DEMO_PASSWORD }, expect: 409 },
      { as: 'linus', method: 'POST', path: '/api/me/delete', body: { password: DEMO_PASSWORD }, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members?q=linus`, expect: 200 },
    ],
  },
  {
    name: 'my invitations and requests',
    steps: [
      { as: 'linus', method: 'GET', path: '/api/me/invitations', expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/me/invite-requests?orgId={org}', expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/me/invite-requests?orgId=nope' },
      { as: null, method: 'GET', path: '/api/me/invitations', expect: 401 },
    ],
  },
];

const members: ParityCase[] = [
  { name: 'members: an admin lists', steps: [{ as: 'ada', method: 'GET', path: `${O}/members`, expect: 200 }] },
  { name: 'members: a member is refused', steps: [{ as: 'linus', method: 'GET', path: `${O}/members`, expect: 403 }] },
  { name: 'members: an external is refused', steps: [{ as: 'ext', method: 'GET', path: `${O}/members`, expect: 403 }] },
  { name: 'members: signed out', steps: [{ as: null, method: 'GET', path: `${O}/members`, expect: 401 }] },
  {
    name: 'members: search, filter, sort, pages',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/members?q=gr&sort=email&order=desc`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members?role=EXTERNAL`, expect: 200 },
      {
        as: 'ada',
        method: 'GET',
        path: `${O}/members?limit=5&sort=joinedAt`,
        expect: 200,
        save: { cursor: 'nextCursor' },
      },
      { as: 'ada', method: 'GET', path: `${O}/members?limit=5&sort=joinedAt&cursor={cursor}`, expect: 200 },
    ],
  },
  {
    name: 'members: an unknown sort',
    steps: [{ as: 'ada', method: 'GET', path: `${O}/members?sort=shoe`, expect: 422 }],
  },
  {
    name: 'members: a forged cursor',
    steps: [{ as: 'ada', method: 'GET', path: `${O}/members?cursor=forged`, expect: 400 }],
  },
  {
    name: 'members: the directory opened to members',
    steps: [
      ...settings({ membersCanViewDirectory: true }),
      { as: 'linus', method: 'GET', path: `${O}/members`, expect: 200 },
    ],
  },
  {
    name: 'members: an org that is not yours',
    steps: [{ as: 'ada', method: 'GET', path: '/api/orgs/00000000-0000-4000-8000-000000000000/members' }],
  },
  { name: 'members: an org id no id could be', steps: [{ as: 'ada', method: 'GET', path: '/api/orgs/acme/members' }] },
  {
    name: 'role: promote a member, who then sees it',
    steps: [
      memberVersion('linus', 'lv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'ADMIN', version: '{lv}' },
        expect: 200,
      },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/members?limit=3`, expect: 200 },
    ],
  },
  {
    name: 'role: a stale version',
    steps: [
      memberVersion('linus', 'lv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'EXTERNAL', version: '{lv}' },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'ADMIN', version: '{lv}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'role: the same role changes nothing',
    steps: [
      memberVersion('linus', 'lv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'MEMBER', version: '{lv}' },
        expect: 200,
      },
    ],
  },
  {
    name: 'role: a member may not change roles',
    steps: [
      {
        as: 'linus',
        method: 'PATCH',
        path: `${O}/members/{user:alan.1}`,
        body: { role: 'ADMIN', version: 1 },
        expect: 403,
      },
    ],
  },
  {
    name: 'role: the creator is protected',
    steps: [
      memberVersion('ada', 'av'),
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/members/{user:ada}`,
        body: { role: 'MEMBER', version: '{av}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'role: your own role',
    steps: [
      memberVersion('grace', 'gv'),
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/members/{user:grace}`,
        body: { role: 'MEMBER', version: '{gv}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'role: the last admin',
    steps: [
      ...settings({ allowSelfRoleChange: true }),
      memberVersion('grace', 'gv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:grace}`,
        body: { role: 'MEMBER', version: '{gv}' },
        expect: 200,
      },
      memberVersion('ada', 'av'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:ada}`,
        body: { role: 'MEMBER', version: '{av}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'role: the creator unprotected, then the last admin',
    steps: [
      ...settings({ protectCreator: false }),
      memberVersion('ada', 'av'),
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/members/{user:ada}`,
        body: { role: 'MEMBER', version: '{av}' },
        expect: 200,
      },
      { as: 'ada', method: 'GET', path: `${O}/members`, expect: 403 },
      memberVersion('grace', 'gv', 'grace'),
      { as: 'grace', method: 'DELETE', path: `${O}/members/{user:grace}?version={gv}`, expect: 409 },
    ],
  },
  {
    name: 'role: an external stays locked while lite',
    steps: [
      memberVersion('ext', 'ev'),
      { as: 'ada', method: 'PATCH', path: `${O}/members/{user:ext}`, body: { role: 'ADMIN', version: '{ev}' } },
    ],
  },
  {
    name: 'role: an owner made external loses the workspace role',
    steps: [
      memberVersion('grace', 'gv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:grace}`,
        body: { role: 'EXTERNAL', version: '{gv}' },
        expect: 200,
      },
      { as: 'ada', method: 'GET', path: `${O}/workspaces/{ws:Design}/members`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/events?since=0`, expect: 200 },
    ],
  },
  {
    name: 'role: not a role',
    steps: [
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'KING', version: 1 },
        expect: 422,
      },
    ],
  },
  {
    name: 'remove: a member, whose session ends in the org',
    steps: [
      memberVersion('linus', 'lv'),
      { as: 'ada', method: 'DELETE', path: `${O}/members/{user:linus}?version={lv}`, expect: 204 },
      { as: 'ada', method: 'GET', path: `${O}/members/{user:linus}/access`, expect: 404 },
      { as: 'linus', method: 'GET', path: '/api/me' },
      { as: 'ada', method: 'DELETE', path: `${O}/members/{user:linus}` },
    ],
  },
  {
    name: 'remove: the creator',
    steps: [{ as: 'grace', method: 'DELETE', path: `${O}/members/{user:ada}`, expect: 409 }],
  },
  {
    name: 'remove: yourself',
    steps: [{ as: 'grace', method: 'DELETE', path: `${O}/members/{user:grace}`, expect: 409 }],
  },
  {
    name: 'remove: a stale version',
    steps: [{ as: 'ada', method: 'DELETE', path: `${O}/members/{user:linus}?version=99`, expect: 409 }],
  },
  {
    name: 'remove: by a member',
    steps: [{ as: 'linus', method: 'DELETE', path: `${O}/members/{user:alan.1}`, expect: 403 }],
  },
  {
    name: 'remove: nobody',
    steps: [{ as: 'ada', method: 'DELETE', path: `${O}/members/00000000-0000-4000-8000-000000000000`, expect: 404 }],
  },
  { name: 'remove: not an id', steps: [{ as: 'ada', method: 'DELETE', path: `${O}/members/linus`, expect: 404 }] },
  {
    name: 'view access',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/members/{user:ada}/access`, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members/{user:ext}/access`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/members/{user:linus}/access`, expect: 403 },
    ],
  },
  {
    name: 'bulk: preview and apply a role change',
    steps: [
      memberVersion('alan', 'v1'),
      memberVersion('barbara', 'v2'),
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: {
          action: { type: 'change_role', role: 'EXTERNAL' },
          members: [
            { userId: '{user:alan.1}', version: '{v1}' },
            { userId: '{user:barbara.2}', version: '{v2}' },
          ],
          preview: true,
        },
        expect: 200,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: {
          action: { type: 'change_role', role: 'EXTERNAL' },
          members: [
            { userId: '{user:alan.1}', version: '{v1}' },
            { userId: '{user:barbara.2}', version: '{v2}' },
          ],
        },
        expect: 200,
      },
    ],
  },
  {
    name: 'bulk: remove by filter, with the protected people in it',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: { action: { type: 'remove' }, filter: { role: 'ADMIN' }, preview: true },
        expect: 200,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: { action: { type: 'remove' }, filter: { q: 'a' } },
        expect: 200,
      },
      { as: 'ada', method: 'GET', path: `${O}/members`, expect: 200 },
    ],
  },
  {
    name: 'bulk: both members and a filter',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: { action: { type: 'remove' }, filter: {}, members: [] },
        expect: 422,
      },
    ],
  },
  {
    name: 'bulk: by a member',
    steps: [
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/members/bulk`,
        body: { action: { type: 'remove' }, filter: {}, preview: true },
        expect: 403,
      },
    ],
  },
  {
    name: 'undo: a role change, twice',
    steps: [
      memberVersion('linus', 'lv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/members/{user:linus}`,
        body: { role: 'ADMIN', version: '{lv}' },
        expect: 200,
      },
      { as: 'ada', method: 'GET', path: `${O}/events?since=0`, expect: 200, save: { seq: 'headSeq' } },
      { as: 'ada', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: '{seq}' }, expect: 200 },
      { as: 'grace', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: '{seq}' }, expect: 409 },
    ],
  },
  {
    name: 'undo: a removal, after they rejoined by invitation',
    steps: [
      memberVersion('linus', 'lv'),
      { as: 'ada', method: 'DELETE', path: `${O}/members/{user:linus}?version={lv}`, expect: 204 },
      { as: 'ada', method: 'GET', path: `${O}/events?since=0`, expect: 200, save: { seq: 'headSeq' } },
      { as: 'ada', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: '{seq}' }, expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/members/{user:linus}/access`, expect: 200 },
    ],
  },
  {
    name: 'undo: what undo does not cover, and what never happened',
    steps: [
      ...settings({ allowSelfLeave: true }),
      { as: 'ada', method: 'GET', path: `${O}/events?since=0`, expect: 200, save: { seq: 'headSeq' } },
      { as: 'ada', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: '{seq}' }, expect: 422 },
      { as: 'ada', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: 999 }, expect: 404 },
      { as: 'linus', method: 'POST', path: `${O}/members/undo`, body: { eventSeq: 1 }, expect: 403 },
    ],
  },
  {
    name: 'leave: not allowed by the org, then allowed',
    steps: [
      { as: 'linus', method: 'POST', path: `${O}/leave`, body: {}, expect: 403 },
      ...settings({ allowSelfLeave: true }),
      { as: 'linus', method: 'POST', path: `${O}/leave`, body: {}, expect: 204 },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'leave: the last admin may not',
    steps: [
      ...settings({ allowSelfLeave: true, protectCreator: false }),
      { as: 'grace', method: 'POST', path: `${O}/leave`, body: {}, expect: 204 },
      { as: 'ada', method: 'POST', path: `${O}/leave`, body: {}, expect: 409 },
    ],
  },
];

const invitations: ParityCase[] = [
  {
    name: 'invite: an address, then the list with seats',
    steps: [...invite('new@else.test'), { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200 }],
  },
  {
    name: 'invite: a batch with a member, a duplicate and a typo',
    steps: [
      ...invite('new@else.test'),
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['NEW@else.test', 'linus@acme.test', 'not an address', 'two@else.test'], role: 'MEMBER' },
        expect: 200,
      },
    ],
  },
  {
    name: 'invite: an existing member alone',
    steps: [
      { as: 'ada', method: 'POST', path: `${O}/invitations`, body: { emails: ['linus@acme.test'], role: 'MEMBER' } },
    ],
  },
  {
    name: 'invite: the same address twice',
    steps: [
      ...invite('new@else.test'),
      { as: 'grace', method: 'POST', path: `${O}/invitations`, body: { emails: ['new@else.test'], role: 'ADMIN' } },
    ],
  },
  {
    name: 'invite: no addresses',
    steps: [{ as: 'ada', method: 'POST', path: `${O}/invitations`, body: { emails: [], role: 'MEMBER' }, expect: 422 }],
  },
  {
    name: 'invite: not a role',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['new@else.test'], role: 'OWNER' },
        expect: 422,
      },
    ],
  },
  {
    name: 'invite: signed out',
    steps: [
      {
        as: null,
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['new@else.test'], role: 'MEMBER' },
        expect: 401,
      },
    ],
  },
  {
    name: 'invite: an external',
    steps: [
      {
        as: 'ext',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['new@else.test'], role: 'MEMBER' },
        expect: 403,
      },
    ],
  },
  {
    name: 'invite: with workspace grants',
    steps: [
      ...invite('new@else.test', {
        workspaces: [
          { workspaceId: '{ws:Design}', role: 'OWNER' },
          { workspaceId: '{ws:Growth}', role: 'VIEWER' },
        ],
      }),
      { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200 },
    ],
  },
  {
    name: 'invite: an external may not own a workspace',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: {
          emails: ['new@else.test'],
          role: 'EXTERNAL',
          workspaces: [{ workspaceId: '{ws:Design}', role: 'OWNER' }],
        },
        expect: 422,
      },
    ],
  },
  {
    name: 'invite: a workspace of another org',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: {
          emails: ['new@else.test'],
          role: 'MEMBER',
          workspaces: [{ workspaceId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER' }],
        },
      },
    ],
  },
  {
    name: 'invite policy: members_request turns a member’s invitation into a request',
    steps: [
      ...request('new@else.test'),
      { as: 'linus', method: 'GET', path: '/api/me/invite-requests?orgId={org}', expect: 200 },
      { as: 'ada', method: 'GET', path: `${O}/invitations?status=requested`, expect: 200 },
    ],
  },
  {
    name: 'invite policy: a member may not request an admin',
    steps: [
      { as: 'linus', method: 'POST', path: `${O}/invitations`, body: { emails: ['new@else.test'], role: 'ADMIN' } },
    ],
  },
  {
    name: 'invite policy: a member grants a workspace they do not own',
    steps: [
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invitations`,
        body: {
          emails: ['new@else.test'],
          role: 'MEMBER',
          workspaces: [{ workspaceId: '{ws:Design}', role: 'MEMBER' }],
        },
        expect: 403,
      },
    ],
  },
  {
    name: 'invite policy: admins_only',
    steps: [
      ...settings({ invitePolicy: 'admins_only' }),
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['new@else.test'], role: 'MEMBER' },
        expect: 403,
      },
    ],
  },
  {
    name: 'invite policy: anyone',
    steps: [
      ...settings({ invitePolicy: 'anyone' }),
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['new@else.test'], role: 'MEMBER' },
        expect: 200,
      },
      { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200 },
    ],
  },
  {
    name: 'seat cap: reached, the whole batch is refused',
    steps: [
      ...settings({ memberCap: 45 }),
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['one@else.test', 'two@else.test'], role: 'MEMBER' },
        expect: 409,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['one@else.test'], role: 'MEMBER' },
        expect: 200,
      },
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['two@else.test'], role: 'MEMBER' },
        expect: 409,
      },
    ],
  },
  {
    name: 'seat cap: a workspace’s',
    steps: [
      ...settings({ workspaceMemberCap: 12 }),
      { as: 'ada', method: 'GET', path: `${O}/workspaces/{ws:Research}/members`, expect: 200 },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/workspaces/{ws:Research}/members`,
        body: { userIds: ['{user:ada}', '{user:grace}'], role: 'MEMBER' },
      },
    ],
  },
  {
    name: 'seat cap: not a number',
    steps: [
      readSettings,
      { as: 'ada', method: 'PATCH', path: `${O}/settings`, body: { memberCap: 0, version: '{sv}' }, expect: 422 },
    ],
  },
  {
    name: 'invitations: a member may not list',
    steps: [{ as: 'linus', method: 'GET', path: `${O}/invitations`, expect: 403 }],
  },
  {
    name: 'invitations: not a status',
    steps: [{ as: 'ada', method: 'GET', path: `${O}/invitations?status=lost`, expect: 422 }],
  },
  {
    name: 'invitation: edit, then at the old version',
    steps: [
      ...invite('new@else.test'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/invitations/{inv}`,
        body: { role: 'ADMIN', version: '{iv}' },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/invitations/{inv}`,
        body: { lite: true, version: '{iv}' },
        expect: 409,
      },
      {
        as: 'linus',
        method: 'PATCH',
        path: `${O}/invitations/{inv}`,
        body: { lite: true, version: '{iv}' },
        expect: 403,
      },
    ],
  },
  {
    name: 'invitation: resend, renew, revoke, revoke again',
    steps: [
      ...invite('new@else.test'),
      { as: 'ada', method: 'POST', path: `${O}/invitations/{inv}/resend`, body: { version: '{iv}' } },
      { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200, save: { iv: 'items.0.version' } },
      { as: 'ada', method: 'POST', path: `${O}/invitations/{inv}/renew`, body: { version: '{iv}' } },
      { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200, save: { iv: 'items.0.version' } },
      { as: 'ada', method: 'POST', path: `${O}/invitations/{inv}/revoke`, body: { version: '{iv}' }, expect: 200 },
      { as: 'ada', method: 'POST', path: `${O}/invitations/{inv}/revoke`, body: { version: '{iv}' } },
    ],
  },
  {
    name: 'invitation: an unknown one',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invitations/00000000-0000-4000-8000-000000000000/revoke`,
        body: { version: 1 },
        expect: 404,
      },
    ],
  },
  {
    name: 'invitation link: the public page, signed out and signed in',
    steps: [
      ...invite('new@else.test'),
      link,
      { as: null, method: 'GET', path: '/api/invitations/{token}', expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/invitations/{token}', expect: 200 },
      { as: null, method: 'GET', path: '/api/invitations/not-a-real-token', expect: 404 },
    ],
  },
  {
    name: 'invitation link: the wrong person accepts',
    steps: [
      ...invite('new@else.test'),
      link,
      { as: 'linus', method: 'POST', path: '/api/invitations/{token}/accept', body: {}, expect: 403 },
    ],
  },
  {
    name: 'invitation link: sign up from it and accept',
    steps: [
      ...invite('new@else.test', { workspaces: [{ workspaceId: '{ws:Growth}', role: 'MEMBER' }] }),
      link,
      {
        as: null,
        method: 'POST',
        path: '/api/invitations/{token}/sign-up',
        body: { name: 'New Person', password: 'a-long-new-password-1' },
        expect: 200,
      },
      { as: null, method: 'GET', path: '/api/me', expect: 200 },
      { as: null, method: 'POST', path: '/api/invitations/{token}/accept', body: {}, expect: 200 },
      { as: null, method: 'GET', path: `${O}/workspaces`, expect: 200 },
      { as: null, method: 'POST', path: '/api/invitations/{token}/accept', body: {} },
    ],
  },
  {
    name: 'invitation link: a revoked one',
    steps: [
      ...invite('new@else.test'),
      link,
      { as: 'ada', method: 'GET', path: `${O}/invitations`, expect: 200, save: { iv: 'items.0.version' } },
      { as: 'ada', method: 'POST', path: `${O}/invitations/{inv}/revoke`, body: { version: '{iv}' }, expect: 200 },
      { as: null, method: 'GET', path: '/api/invitations/{token}' },
      {
        as: null,
        method: 'POST',
        path: '/api/invitations/{token}/sign-up',
        body: { name: 'New Person', password: 'a-long-new-password-1' },
      },
    ],
  },
  {
    name: 'invitation link: an address that has an account',
    steps: [
      ...settings({ allowSelfLeave: true }),
      { as: 'linus', method: 'POST', path: `${O}/leave`, body: {}, expect: 204 },
      ...invite('linus@acme.test'),
      link,
      {
        as: null,
        method: 'POST',
        path: '/api/invitations/{token}/sign-up',
        body: { name: 'Linus', password: 'a-long-new-password-1' },
        expect: 409,
      },
      { as: 'linus', method: 'GET', path: '/api/me/invitations', expect: 200 },
      { as: 'linus', method: 'POST', path: '/api/me/invitations/{inv}/decline', body: {}, expect: 204 },
      { as: 'linus', method: 'POST', path: '/api/me/invitations/{inv}/accept', body: {} },
    ],
  },
  {
    name: 'invitation: accepted from my invitations',
    steps: [
      ...settings({ allowSelfLeave: true }),
      { as: 'linus', method: 'POST', path: `${O}/leave`, body: {}, expect: 204 },
      ...invite('linus@acme.test', { role: 'EXTERNAL' }),
      { as: 'linus', method: 'POST', path: '/api/me/invitations/{inv}/accept', body: {}, expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'dev mailbox',
    steps: [
      ...invite('new@else.test'),
      {
        as: null,
        method: 'GET',
        path: '/api/dev/mailbox',
        expect: 200,
        until: (answer) => (answer as { items: unknown[] }).items.length === 1,
      },
    ],
  },
];

const inviteRequests: ParityCase[] = [
  {
    name: 'request: approve first, then reject',
    steps: [
      ...request('new@else.test'),
      { as: 'ada', method: 'POST', path: `${O}/invite-requests/{req}/approve`, body: { version: '{rv}' }, expect: 200 },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/invite-requests/{req}/reject`,
        body: { version: '{rv}' },
        expect: 409,
      },
      { as: 'linus', method: 'GET', path: '/api/me/invite-requests?orgId={org}', expect: 200 },
    ],
  },
  {
    name: 'request: reject first, then approve',
    steps: [
      ...request('new@else.test'),
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/invite-requests/{req}/reject`,
        body: { version: '{rv}', reason: 'Not this quarter' },
        expect: 200,
      },
      { as: 'ada', method: 'POST', path: `${O}/invite-requests/{req}/approve`, body: { version: '{rv}' }, expect: 409 },
      { as: 'linus', method: 'GET', path: '/api/me/invite-requests?orgId={org}', expect: 200 },
    ],
  },
  {
    name: 'request: approve twice',
    steps: [
      ...request('new@else.test'),
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invite-requests/{req}/approve`,
        body: { version: '{rv}', role: 'EXTERNAL', lite: true },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/invite-requests/{req}/approve`,
        body: { version: '{rv}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'request: approved as an external owner',
    steps: [
      ...request('new@else.test'),
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invite-requests/{req}/approve`,
        body: { version: '{rv}', role: 'EXTERNAL', workspaces: [{ workspaceId: '{ws:Design}', role: 'OWNER' }] },
        expect: 422,
      },
    ],
  },
  {
    name: 'request: edited before approval, then at the old version',
    steps: [
      ...request('new@else.test'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/invitations/{req}`,
        body: { role: 'EXTERNAL', version: '{rv}' },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/invite-requests/{req}/approve`,
        body: { version: '{rv}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'request: a member may not decide',
    steps: [
      ...request('new@else.test'),
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invite-requests/{req}/approve`,
        body: { version: '{rv}' },
        expect: 403,
      },
    ],
  },
  {
    name: 'request: an unknown one',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/invite-requests/00000000-0000-4000-8000-000000000000/reject`,
        body: { version: 1 },
        expect: 404,
      },
    ],
  },
  {
    name: 'request: without a version',
    steps: [
      ...request('new@else.test'),
      { as: 'ada', method: 'POST', path: `${O}/invite-requests/{req}/approve`, body: {}, expect: 422 },
    ],
  },
  {
    name: 'request: the per-member limit',
    steps: [
      ...settings({ maxPendingRequestsPerMember: 1 }),
      ...request('one@else.test'),
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/invitations`,
        body: { emails: ['two@else.test'], role: 'MEMBER' },
        expect: 429,
      },
    ],
  },
  {
    name: 'request: the same address a member already asked for',
    steps: [
      ...request('new@else.test'),
      { as: 'linus', method: 'POST', path: `${O}/invitations`, body: { emails: ['new@else.test'], role: 'MEMBER' } },
      { as: 'ada', method: 'POST', path: `${O}/invitations`, body: { emails: ['new@else.test'], role: 'MEMBER' } },
    ],
  },
  {
    name: 'requests: lists',
    steps: [
      ...request('new@else.test'),
      { as: 'ada', method: 'GET', path: `${O}/invite-requests`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/invite-requests`, expect: 403 },
    ],
  },
];

const workspaces: ParityCase[] = [
  {
    name: 'workspaces: each kind of person lists theirs',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/workspaces`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/workspaces`, expect: 200 },
      { as: 'ext', method: 'GET', path: `${O}/workspaces`, expect: 200 },
      { as: null, method: 'GET', path: `${O}/workspaces`, expect: 401 },
    ],
  },
  {
    name: 'workspace: create, then the same name in other letters',
    steps: [
      { as: 'ada', method: 'POST', path: `${O}/workspaces`, body: { name: '  Ops  ' } },
      { as: 'grace', method: 'POST', path: `${O}/workspaces`, body: { name: 'OPS' }, expect: 409 },
      { as: 'ada', method: 'GET', path: `${O}/workspaces`, expect: 200 },
    ],
  },
  {
    name: 'workspace: a seeded name',
    steps: [{ as: 'ada', method: 'POST', path: `${O}/workspaces`, body: { name: 'design' }, expect: 409 }],
  },
  {
    name: 'workspace: no name',
    steps: [{ as: 'ada', method: 'POST', path: `${O}/workspaces`, body: { name: '   ' }, expect: 422 }],
  },
  {
    name: 'workspace: a name too long',
    steps: [{ as: 'ada', method: 'POST', path: `${O}/workspaces`, body: { name: 'x'.repeat(81) }, expect: 422 }],
  },
  {
    name: 'workspace: created by a member',
    steps: [{ as: 'linus', method: 'POST', path: `${O}/workspaces`, body: { name: 'Mine' }, expect: 403 }],
  },
  {
    name: 'workspace: rename, then at the old version',
    steps: [
      workspaceVersion('Design', 'wv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Design}`,
        body: { name: 'Design Team', version: '{wv}' },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Design}`,
        body: { name: 'Design Crew', version: '{wv}' },
        expect: 409,
      },
    ],
  },
  {
    name: 'workspace: rename to a taken name, and to its own',
    steps: [
      workspaceVersion('Design', 'wv'),
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Design}`,
        body: { name: 'growth', version: '{wv}' },
        expect: 409,
      },
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Design}`,
        body: { name: 'Design', version: '{wv}' },
        expect: 200,
      },
    ],
  },
  {
    name: 'workspace: renamed by its owner, not by a member',
    steps: [
      workspaceVersion('Research', 'wv'),
      {
        as: 'linus',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Research}`,
        body: { name: 'Lab', version: '{wv}' },
        expect: 403,
      },
      {
        as: 'ada',
        method: 'GET',
        path: `${O}/workspaces/{ws:Research}/members`,
        expect: 200,
        save: { mv: versionIn('linus@acme.test') },
      },
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Research}/members/{user:linus}`,
        body: { role: 'OWNER', version: '{mv}' },
        expect: 200,
      },
      {
        as: 'linus',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Research}`,
        body: { name: 'Lab', version: '{wv}' },
        expect: 200,
      },
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Research}/members`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Research}/people?q=b`, expect: 422 },
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Research}/people?q=ba`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Research}/deletion-impact`, expect: 403 },
    ],
  },
  {
    name: 'workspace: delete, then what is left',
    steps: [
      workspaceVersion('Growth', 'wv'),
      { as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Growth}?version={wv}`, expect: 204 },
      { as: 'ada', method: 'GET', path: `${O}/workspaces/{ws:Growth}/members`, expect: 404 },
      { as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Growth}?version={wv}`, expect: 404 },
      { as: 'ada', method: 'GET', path: `${O}/workspaces`, expect: 200 },
    ],
  },
  {
    name: 'workspace: delete at a stale version',
    steps: [{ as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Growth}?version=99`, expect: 409 }],
  },
  {
    name: 'workspace: delete by a member',
    steps: [{ as: 'linus', method: 'DELETE', path: `${O}/workspaces/{ws:Growth}`, expect: 403 }],
  },
  {
    name: 'workspace: not an id',
    steps: [{ as: 'ada', method: 'GET', path: `${O}/workspaces/design/members`, expect: 404 }],
  },
  {
    name: 'workspace members: add, again, and an external as owner',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/workspaces/{ws:Growth}/members`,
        body: { userIds: ['{user:linus}'], role: 'MEMBER' },
      },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/workspaces/{ws:Growth}/members`,
        body: { userIds: ['{user:linus}'], role: 'MEMBER' },
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/workspaces/{ws:Growth}/members`,
        body: { userIds: ['{user:ext}'], role: 'OWNER' },
        expect: 409,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/workspaces/{ws:Growth}/members`,
        body: { userIds: [], role: 'MEMBER' },
        expect: 422,
      },
    ],
  },
  {
    name: 'workspace members: an owner who is not an admin',
    steps: [
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Research}/members`, expect: 403 },
      { as: 'grace', method: 'GET', path: `${O}/workspaces/{ws:Design}/members`, expect: 200 },
      {
        as: 'ext',
        method: 'POST',
        path: `${O}/workspaces/{ws:Research}/members`,
        body: { userIds: ['{user:linus}'], role: 'MEMBER' },
        expect: 403,
      },
    ],
  },
  {
    name: 'workspace members: change a role, then at the old version, then remove',
    steps: [
      {
        as: 'ada',
        method: 'GET',
        path: `${O}/workspaces/{ws:Research}/members`,
        expect: 200,
        save: { mv: versionIn('linus@acme.test') },
      },
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Research}/members/{user:linus}`,
        body: { role: 'VIEWER', version: '{mv}' },
        expect: 200,
      },
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Research}/members/{user:linus}`,
        body: { role: 'OWNER', version: '{mv}' },
        expect: 409,
      },
      { as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Research}/members/{user:linus}`, expect: 204 },
      { as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Research}/members/{user:linus}` },
      { as: 'linus', method: 'GET', path: `${O}/workspaces`, expect: 200 },
    ],
  },
  {
    name: 'workspace members: the last owner',
    steps: [
      {
        as: 'ada',
        method: 'GET',
        path: `${O}/workspaces/{ws:Design}/members`,
        expect: 200,
        save: { gv: versionIn('grace@acme.test') },
      },
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/workspaces/{ws:Design}/members/{user:grace}`,
        body: { role: 'MEMBER', version: '{gv}' },
      },
      { as: 'ada', method: 'DELETE', path: `${O}/workspaces/{ws:Design}/members/{user:grace}` },
    ],
  },
  {
    name: 'workspace people search',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/workspaces/{ws:Design}/people?q=li`, expect: 200 },
      { as: 'grace', method: 'GET', path: `${O}/workspaces/{ws:Design}/people?q=e&limit=3`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/workspaces/{ws:Design}/people?q=li`, expect: 403 },
    ],
  },
  {
    name: 'workspace deletion impact',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/workspaces/{ws:Research}/deletion-impact`, expect: 200 },
      {
        as: 'ada',
        method: 'GET',
        path: `${O}/workspaces/00000000-0000-4000-8000-000000000000/deletion-impact`,
        expect: 404,
      },
    ],
  },
];

const settingsAndEvents: ParityCase[] = [
  {
    name: 'settings: who may read them',
    steps: [
      { as: 'ada', method: 'GET', path: `${O}/settings`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/settings`, expect: 403 },
      { as: 'ext', method: 'GET', path: `${O}/settings`, expect: 403 },
      { as: null, method: 'GET', path: `${O}/settings`, expect: 401 },
    ],
  },
  {
    name: 'settings: a change, then another at the same version',
    steps: [
      ...settings({ inviteTtlHours: 24, memberCap: 100 }),
      {
        as: 'grace',
        method: 'PATCH',
        path: `${O}/settings`,
        body: { inviteTtlHours: null, version: '{sv}' },
        expect: 409,
      },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'settings: a change that changes nothing',
    steps: [...settings({ invitePolicy: 'members_request' }), readSettings],
  },
  {
    name: 'settings: without a version',
    steps: [{ as: 'ada', method: 'PATCH', path: `${O}/settings`, body: { allowSelfLeave: true }, expect: 422 }],
  },
  {
    name: 'settings: out of range',
    steps: [
      readSettings,
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/settings`,
        body: { maxPendingRequestsPerMember: 101, version: '{sv}' },
        expect: 422,
      },
    ],
  },
  {
    name: 'settings: an unknown field',
    steps: [
      readSettings,
      { as: 'ada', method: 'PATCH', path: `${O}/settings`, body: { colour: 'red', version: '{sv}' } },
    ],
  },
  {
    name: 'settings: changed by a member',
    steps: [
      { as: 'linus', method: 'PATCH', path: `${O}/settings`, body: { allowSelfLeave: true, version: 1 }, expect: 403 },
    ],
  },
  {
    name: 'settings: two-factor required by an admin without it',
    steps: [
      readSettings,
      {
        as: 'ada',
        method: 'PATCH',
        path: `${O}/settings`,
        body: { requireTwoFactor: true, version: '{sv}' },
        expect: 422,
      },
    ],
  },
  {
    name: 'events: since the start, and since a later seq',
    steps: [
      ...settings({ allowSelfLeave: true }),
      ...invite('new@else.test'),
      { as: 'ada', method: 'GET', path: `${O}/events?since=0`, expect: 200, save: { head: 'headSeq' } },
      { as: 'ada', method: 'GET', path: `${O}/events?since=1`, expect: 200 },
      { as: 'grace', method: 'GET', path: `${O}/events?since={head}`, expect: 200 },
    ],
  },
  {
    name: 'events: refusals',
    steps: [
      { as: 'linus', method: 'GET', path: `${O}/events?since=0`, expect: 403 },
      { as: 'ada', method: 'GET', path: `${O}/events?since=-1`, expect: 422 },
      { as: 'ada', method: 'GET', path: `${O}/events?since=soon`, expect: 422 },
      { as: 'ada', method: 'GET', path: `${O}/events?since=9999` },
      { as: null, method: 'GET', path: `${O}/events?since=0`, expect: 401 },
    ],
  },
  {
    name: 'access requests: the admins, a request, and who may not ask',
    steps: [
      { as: 'linus', method: 'GET', path: `${O}/admins`, expect: 200 },
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/access-requests`,
        body: { page: 'members', message: 'Need the list' },
        expect: 200,
      },
      { as: 'linus', method: 'POST', path: `${O}/access-requests`, body: { page: 'members' } },
      { as: 'ada', method: 'POST', path: `${O}/access-requests`, body: { page: 'settings' }, expect: 409 },
      { as: 'ext', method: 'POST', path: `${O}/access-requests`, body: { page: 'workspace' }, expect: 422 },
      {
        as: 'ext',
        method: 'POST',
        path: `${O}/access-requests`,
        body: { page: 'workspace', workspaceId: '{ws:Research}' },
        expect: 409,
      },
      {
        as: 'ext',
        method: 'POST',
        path: `${O}/access-requests`,
        body: { page: 'workspace', workspaceId: '{ws:Design}' },
        expect: 200,
      },
      { as: null, method: 'GET', path: `${O}/admins`, expect: 401 },
    ],
  },
  {
    name: 'a body over a megabyte',
    steps: [{ as: 'ada', method: 'POST', path: `${O}/workspaces`, body: { name: 'x'.repeat(1_100_000) }, expect: 413 }],
  },
];

export const parityCases: ParityCase[] = [
  ...auth,
  ...orgCases,
  ...auditCases,
  ...members,
  ...invitations,
  ...inviteRequests,
  ...workspaces,
  ...settingsAndEvents,
];
