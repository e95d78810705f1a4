import type { ParityCase } from './parity-step.ts';

/** Rows for the org's own life (create, rename, hand over, delete, restore) and its mail domains (R20, R21). */
const O = '/api/orgs/{org}';
const readOrg = { as: 'ada', method: 'GET', path: O, expect: 200, save: { ov: 'org.version' } } as const;

export const orgCases: ParityCase[] = [
  {
    name: 'orgs: create one, then one at a slug already held',
    steps: [
      { as: 'linus', method: 'POST', path: '/api/orgs', body: { name: 'Beta Labs' }, expect: 201 },
      { as: 'linus', method: 'POST', path: '/api/orgs', body: { name: 'Acme again', slug: 'acme' }, expect: 409 },
      { as: 'linus', method: 'POST', path: '/api/orgs', body: { name: 'Reserved', slug: 'admin' } },
      { as: 'linus', method: 'GET', path: '/api/me', expect: 200 },
    ],
  },
  {
    name: 'orgs: read it, by id and by slug, as a member and as a guest',
    steps: [
      { as: 'ext', method: 'GET', path: O, expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/orgs/by-slug/acme', expect: 200 },
      { as: 'linus', method: 'GET', path: '/api/orgs/by-slug/nobody-has-this', expect: 404 },
      { as: null, method: 'GET', path: O, expect: 401 },
    ],
  },
  {
    name: 'orgs: rename, then at the old version, then by a member',
    steps: [
      readOrg,
      { as: 'ada', method: 'PATCH', path: O, body: { name: 'Acme Corp', version: '{ov}' }, expect: 200 },
      { as: 'grace', method: 'PATCH', path: O, body: { name: 'Acme Inc', version: '{ov}' }, expect: 409 },
      { as: 'linus', method: 'PATCH', path: O, body: { name: 'Mine', version: 2 }, expect: 403 },
    ],
  },
  {
    name: 'orgs: hand over to a member, then to an admin',
    steps: [
      readOrg,
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/transfer`,
        body: { userId: '{user:linus}', version: '{ov}' },
        expect: 409,
      },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/transfer`,
        body: { userId: '{user:ada}', version: '{ov}' },
        expect: 403,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/transfer`,
        body: { userId: '{user:grace}', version: '{ov}' },
        expect: 200,
      },
      { as: 'grace', method: 'GET', path: O, expect: 200 },
    ],
  },
  {
    name: 'orgs: delete with the wrong name, by an admin who did not create it, then for real and restore',
    steps: [
      { as: 'ada', method: 'DELETE', path: O, body: { confirm: 'ACME' }, expect: 400 },
      { as: 'grace', method: 'DELETE', path: O, body: { confirm: 'Acme' }, expect: 403 },
      { as: 'ada', method: 'DELETE', path: O, body: { confirm: 'Acme' }, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/members`, expect: 404 },
      { as: 'grace', method: 'POST', path: `${O}/restore`, body: {}, expect: 404 },
      { as: 'ada', method: 'GET', path: '/api/me', expect: 200 },
      { as: 'ada', method: 'POST', path: `${O}/restore`, body: {}, expect: 200 },
      { as: 'grace', method: 'GET', path: `${O}/settings`, expect: 200 },
    ],
  },
  {
    name: 'domains: a public one, one at an address elsewhere, then one of its own',
    steps: [
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/domains`,
        body: { domain: 'gmail.com', verifyEmail: 'it@gmail.com' },
        expect: 422,
      },
      { as: 'ada', method: 'POST', path: `${O}/domains`, body: { domain: 'acme.test', verifyEmail: 'it@other.test' } },
      {
        as: 'linus',
        method: 'POST',
        path: `${O}/domains`,
        body: { domain: 'acme.test', verifyEmail: 'it@acme.test' },
        expect: 403,
      },
      {
        as: 'ada',
        method: 'POST',
        path: `${O}/domains`,
        body: { domain: 'acme.test', verifyEmail: 'it@acme.test' },
        expect: 201,
        save: { dom: 'domain.id' },
      },
      {
        as: 'grace',
        method: 'POST',
        path: `${O}/domains`,
        body: { domain: 'ACME.test', verifyEmail: 'x@acme.test' },
        expect: 409,
      },
      { as: 'ada', method: 'GET', path: `${O}/domains`, expect: 200 },
      { as: 'linus', method: 'GET', path: `${O}/domains`, expect: 403 },
      { as: 'ada', method: 'PATCH', path: `${O}/domains/{dom}`, body: { enrollment: 'suggest', version: 1 } },
      { as: 'linus', method: 'POST', path: `${O}/domains/{dom}/verify`, body: { token: 'not-the-token' }, expect: 404 },
      { as: 'ada', method: 'DELETE', path: `${O}/domains/{dom}`, expect: 204 },
      { as: 'ada', method: 'DELETE', path: `${O}/domains/{dom}`, expect: 404 },
    ],
  },
  {
    name: 'domains: suggested orgs, and joining one whose domain is not set up',
    steps: [
      { as: 'ext', method: 'GET', path: '/api/me/suggested-orgs', expect: 200 },
      { as: 'linus', method: 'POST', path: '/api/me/suggested-orgs/{org}/join', body: {}, expect: 409 },
      { as: null, method: 'GET', path: '/api/me/suggested-orgs', expect: 401 },
    ],
  },
];
