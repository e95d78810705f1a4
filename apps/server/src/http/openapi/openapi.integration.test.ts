import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodeSchema, errorStatus, type ErrorCode } from '@roster/contracts';
import { servedRoutes } from '../../../test/fuzz-routes.ts';
import { createOrg } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';
import type { OpenApiDocument, OpenApiOperation } from './document.ts';
import type { ApiOperation } from './operation.ts';
import { apiOperations } from './operations/index.ts';
import { refsIn } from './json-schema.ts';

/** Routes the app serves that the document leaves out, each with the reason. */
const NOT_DOCUMENTED: Record<string, string> = {
  'GET /api/auth/*': "The auth library's mount: the routes Roster's pages call are documented one by one.",
  'POST /api/auth/*': "The auth library's mount: the routes Roster's pages call are documented one by one.",
  'GET /api/dev/mailbox': 'Development only: served while no SMTP server is configured, to this machine only.',
  'GET /api/docs': 'The browsable reference of this document: a page, not an operation.',
  'GET /api/docs/:file': "The reference page's own script and style files.",
};
/** Operations that answer no refusal of their own. */
const WITHOUT_REFUSALS = new Set(['GET /api/health', 'GET /api/openapi.json', 'GET /api/asyncapi.json']);
const METHODS = ['get', 'post', 'patch', 'delete', 'put', 'head', 'options', 'trace'];

let t: TestServer;
let document: OpenApiDocument;
beforeAll(async () => {
  t = await startTestServer();
  const response = await t.server.app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toMatch(/public/);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => {
  await t?.close();
});

/** Every operation of the document as `METHOD /path/:param`, the router's spelling. */
function documented(): Array<[string, OpenApiOperation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(
      ([method, op]) =>
        [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op] as [string, OpenApiOperation],
    ),
  );
}

const underAuthLibrary = (key: string) => /^[A-Z]+ \/api\/auth\//.test(key);

describe('the OpenAPI document', () => {
  it('sits beside the AsyncAPI document of the live protocol', async () => {
    const response = await t.server.app.request('/api/asyncapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { asyncapi: string }).asyncapi).toBe('3.0.0');
  });

  it('describes every route the app serves', () => {
    const served = servedRoutes(t.server.app).filter((key) => !(key in NOT_DOCUMENTED));
    const described = new Set(documented().map(([key]) => key));
    expect(served.filter((key) => !described.has(key))).toEqual([]);
  });

  it('describes only routes that exist', async () => {
    const served = new Set(servedRoutes(t.server.app));
    for (const [key] of documented()) {
      if (served.has(key)) continue;
      // The auth library answers under its mount; an unknown or closed path of it is a 404.
      expect(underAuthLibrary(key), `${key} is not served`).toBe(true);
      const [method, path] = key.split(' ') as [string, string];
      expect(served.has(`${method} /api/auth/*`), key).toBe(true);
      const response = await t.server.app.request(path, {
        method,
        headers: { 'content-type': 'application/json', origin: t.server.url },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status, key).not.toBe(404);
    }
  });

  it('gives every operation its success answer, and every refusal its status and codes', () => {
    for (const [key, op] of documented()) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.filter((s) => /^2\d\d$/.test(s)),
        key,
      ).toHaveLength(1);
      const refusals = statuses.filter((s) => /^4\d\d$/.test(s));
      if (!WITHOUT_REFUSALS.has(key)) expect(refusals.length, key).toBeGreaterThan(0);
      for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        const codes = codesOf(op.responses[status]!);
        expect(codes.length, `${key} ${status}`).toBeGreaterThan(0);
        for (const code of codes) expect(errorStatus[code], `${key} ${code}`).toBe(Number(status));
      }
    }
  });

  it('lists the refusals every route of its kind can answer', () => {
    const codes = (key: string) => {
      const op = documented().find(([k]) => k === key)![1];
      return Object.values(op.responses).flatMap(codesOf);
    };
    expect(codes('PATCH /api/orgs/:orgId/members/:userId')).toEqual(
      expect.arrayContaining(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'VERSION_CONFLICT']),
    );
    expect(codes('POST /api/orgs')).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'VALIDATION_FAILED']));
    expect(codes('GET /api/invitations/:token')).not.toContain('UNAUTHENTICATED');
  });

  it('is a well-formed OpenAPI 3.1 document', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const info = document['info'] as Record<string, unknown>;
    expect(typeof info['title']).toBe('string');
    expect(typeof info['version']).toBe('string');
    const components = document['components'] as {
      schemas: Record<string, unknown>;
      securitySchemes: Record<string, { type: string }>;
    };
    expect(Object.keys(components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    const tags = new Set((document['tags'] as Array<{ name: string }>).map((tag) => tag.name));
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\/api\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const where = `${method} ${path}`;
        expect(METHODS, where).toContain(method);
        expect(ids.has(op.operationId), `${op.operationId} twice`).toBe(false);
        ids.add(op.operationId);
        for (const tag of op.tags) expect(tags.has(tag), where).toBe(true);
        const parameters = (op.parameters ?? []) as Array<{
          name: string;
          in: string;
          required?: boolean;
          schema?: unknown;
        }>;
        const inPath = parameters.filter((p) => p.in === 'path');
        expect(inPath.map((p) => p.name).sort(), where).toEqual(templated);
        for (const p of parameters) {
          expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in);
          expect(typeof p.schema, `${where} ${p.name}`).toBe('object');
          if (p.in === 'path') expect(p.required, where).toBe(true);
        }
        const keys = parameters.map((p) => `${p.in}:${p.name}`);
        expect(new Set(keys).size, where).toBe(keys.length);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description, `${where} ${status}`).toBe('string');
        }
        for (const requirement of op.security) {
          for (const scheme of Object.keys(requirement))
            expect(components.securitySchemes, where).toHaveProperty(scheme);
        }
      }
    }
    // Every reference resolves, and every component is referred to.
    const refs = refsIn(document);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(components.schemas, ref).toHaveProperty(ref.slice('#/components/schemas/'.length));
    }
    const used = new Set(refs.map((ref) => ref.slice('#/components/schemas/'.length)));
    expect(Object.keys(components.schemas).filter((name) => !used.has(name))).toEqual([]);
  });

  it('describes request bodies the pages really send, with the schemas the routes check them with', () => {
    const body = (id: string) => operation(id).body!;
    expect(body('createOrg').safeParse({ name: 'Acme' }).success).toBe(true);
    expect(body('createOrg').safeParse({ name: '' }).success).toBe(false);
    expect(body('changeMemberRole').safeParse({ role: 'ADMIN', version: 3 }).success).toBe(true);
    expect(body('changeMemberRole').safeParse({ role: 'OWNER', version: 3 }).success).toBe(false);
    expect(body('updateSettings').safeParse({ allowSelfLeave: true, version: 2 }).success).toBe(true);
    expect(body('updateSettings').safeParse({ allowSelfLeave: 'yes', version: 2 }).success).toBe(false);
    expect(body('signIn').safeParse({ email: 'ada@example.test', password: 'x' }).success).toBe(true);
  });

  it('answers real requests as it says, and refuses bad ones with a code it lists', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people['ada']!.email);

    const created = await ada.post('/api/orgs', { name: 'Documented Org' });
    expect(created.status).toBe(201);
    expect(operation('createOrg').success.content!.json!.safeParse(await created.json()).success).toBe(true);

    const refused = await ada.post('/api/orgs', { name: '' });
    expect(refused.status).toBe(422);
    expect(listedCodes('post', '/api/orgs')).toContain(((await refused.json()) as ErrorBody).error.code);

    const members = await ada.get(`/api/orgs/${org.id}/members?sort=email&limit=10`);
    expect(members.status).toBe(200);
    const page = operation('listMembers').success.content!.json!.parse(await members.json()) as {
      items: Array<{ userId: string; version: number }>;
    };
    const linus = org.people['linus']!;
    const row = page.items.find((member) => member.userId === linus.id)!;

    const changed = await ada.patch(`/api/orgs/${org.id}/members/${linus.id}`, {
      role: 'EXTERNAL',
      version: row.version,
    });
    expect(changed.status).toBe(200);
    expect(operation('changeMemberRole').success.content!.json!.safeParse(await changed.json()).success).toBe(true);
    const stale = await ada.patch(`/api/orgs/${org.id}/members/${linus.id}`, { role: 'MEMBER', version: row.version });
    expect(stale.status).toBe(409);
    expect(listedCodes('patch', '/api/orgs/{orgId}/members/{userId}')).toContain(
      ((await stale.json()) as ErrorBody).error.code,
    );

    const settings = await ada.get(`/api/orgs/${org.id}/settings`);
    expect(operation('getSettings').success.content!.json!.safeParse(await settings.json()).success).toBe(true);

    const me = await ada.get('/api/me');
    expect(operation('getMe').success.content!.json!.safeParse(await me.json()).success).toBe(true);
  });
});

describe('the browsable reference', () => {
  it('is a page of our own files on our document, which the CSP lets run', async () => {
    const page = await t.server.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const html = await page.text();
    // Nothing from another origin: every file is ours, under /api/docs.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file).toMatch(/^\/api\/docs\/[\w.-]+\?v=\d/);
      const response = await t.server.app.request(file, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toMatch(/^text\/(javascript|css)/);
      expect(response.headers.get('cache-control'), file).toMatch(/immutable/);
    }
    const start = await (await t.server.app.request('/api/docs/start.js')).text();
    expect(start).toContain("url: '/api/openapi.json'");
    expect(start).toContain('validatorUrl: null');
  });

  it('serves no other file of the package', async () => {
    for (const name of ['package.json', 'index.html', '..%2Fpackage.json', 'swagger-ui-bundle.js.map', 'constructor']) {
      const response = await t.server.app.request(`/api/docs/${name}`);
      expect(response.status, name).toBe(404);
    }
  });
});

interface ErrorBody {
  error: { code: ErrorCode };
}

function operation(id: string): ApiOperation {
  const found = apiOperations.find((op) => op.id === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

function listedCodes(method: string, path: string): string[] {
  return Object.values(document.paths[path]![method]!.responses).flatMap(codesOf);
}

/** The codes an error response names: its schema narrows the envelope's `code` to them. */
function codesOf(response: OpenApiOperation['responses'][string]): ErrorCode[] {
  const schema = response.content?.['application/json']?.schema as
    { allOf?: Array<{ properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }> } | undefined;
  const codes = schema?.allOf?.flatMap((part) => part.properties?.error?.properties?.code?.enum ?? []) ?? [];
  return codes.map((code) => ErrorCodeSchema.parse(code));
}
