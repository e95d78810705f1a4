import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@roster/contracts';
import { databaseSnapshot } from './database-snapshot.ts';
import { bodyFor, extraHeaders, pathParam, queryFor } from './fuzz-arbitraries.ts';
import { fuzzRoutes, servedRoutes, unboundedStrings, type FuzzRoute } from './fuzz-routes.ts';
import {
  buildWorld,
  fingerprint,
  personaWeights,
  personas,
  signInAgain,
  type Persona,
  type World,
} from './fuzz-world.ts';
import { usingPostgres } from './test-database.ts';
import { operationErrors } from '../src/http/openapi/error-responses.ts';
import { apiOperations } from '../src/http/openapi/operations/index.ts';
import { startTestServer, type TestServer } from './test-server.ts';

// Every route × every kind of caller × valid and broken bodies, params, queries and headers:
// never a 5xx, every 4xx in our coded envelope, and a refused call writes nothing. A failure
// names the FUZZ_SEED that replays it; FUZZ_RUNS sets the runs per route; FUZZ_DEBUG=1 prints
// every request with its answer. The last line is the figure CI collects: `fuzz: N requests, …`.
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 40);
const tally = { requests: 0, violations: 0 };

let t: TestServer;
let world: World;
beforeAll(async () => {
  t = await startTestServer();
  world = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
  const where = usingPostgres ? 'PostgreSQL' : 'PGlite';
  console.log(
    `fuzz: ${tally.requests.toLocaleString('en-US')} requests, ${tally.violations} violations` +
      ` (seed ${seed}, ${runsPerRoute} runs per route, ${where})`,
  );
});

/** The codes the API reference lists for each operation, by `METHOD path`. */
const documentedCodes = new Map<string, Set<string>>(
  apiOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, new Set(operationErrors(op))]),
);

/** Routes that can end the caller's own session when they succeed. */
const endsSession = new Set(['POST /api/auth/sign-out', 'DELETE /api/me/sessions/:id', 'POST /api/me/delete']);

describe('fuzzing every route', () => {
  it('knows every route the app serves, and no other', () => {
    expect(Object.keys(fuzzRoutes).sort()).toEqual(servedRoutes(t.server.app));
  });

  it('bounds every string of every request schema', () => {
    const schemas = Object.values(fuzzRoutes).flatMap((r) => [r.body, r.query, ...Object.values(r.under ?? {})]);
    expect(schemas.flatMap((schema) => (schema ? unboundedStrings(schema) : []))).toEqual([]);
  });

  for (const [index, [key, route]] of Object.entries(fuzzRoutes).entries()) {
    const [method, pattern] = key.split(' ') as [string, string];
    it(key, { timeout: 60_000 + runsPerRoute * 2_000 }, async () => {
      // A change may have stripped a caller of their role: then this route starts from a fresh world.
      if ((await fingerprint(t, world)) !== world.fingerprint) world = await buildWorld(t);
      try {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(world, method, pattern, route), (request) =>
            check(world, key, method, request),
          ),
          // Each route draws its own stream, so routes do not all start with the same choices.
          { seed: (seed + index * 7919) | 0, numRuns: runsPerRoute, endOnFailure: true },
        );
      } catch (error) {
        tally.violations += 1;
        throw new Error(`Replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runsPerRoute}`, { cause: error });
      }
    });
  }
});

interface FuzzRequest {
  persona: Persona;
  path: string;
  body: string | undefined;
  headers: Record<string, string>;
}

function requestArbitrary(world: World, method: string, pattern: string, route: FuzzRoute) {
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc.record(Object.fromEntries(names.map((name) => [name, pathParam(world.pools, name)])));
  const under = fc.constantFrom(...Object.keys(route.under ?? { '': undefined }));
  return fc
    .tuple(fc.oneof(...personas.map((p) => ({ weight: personaWeights[p], arbitrary: fc.constant(p) }))), params, under)
    .chain(([persona, values, sub]) => {
      const body = route.under ? route.under[sub] : route.body;
      return fc.record({
        persona: fc.constant(persona),
        path: queryFor(route.query, world.pools).map((query) => `${fill(pattern, values, sub)}${query}`),
        body: method === 'GET' || method === 'DELETE' ? fc.constant(undefined) : bodyFor(body, world.pools),
        headers: extraHeaders,
      });
    });
}

function fill(pattern: string, values: Record<string, string>, sub: string): string {
  const withParams = pattern.replace(/:(\w+)/g, (_, name: string) => values[name]!);
  return withParams.replace('*', sub);
}

/** Sends one request and holds the server to its promises; throws (so fast-check reports) on a breach. */
async function check(world: World, key: string, method: string, request: FuzzRequest): Promise<void> {
  const before = await databaseSnapshot(t.database.db);
  const response = await world.clients[request.persona].request(method, request.path, request.body, request.headers);
  const text = await response.text(); // also waits for a streamed (bulk) answer to finish
  tally.requests += 1;
  if (process.env.FUZZ_DEBUG) console.log(`${key} ${request.persona} → ${response.status} ${text.slice(0, 80)}`);
  await t.server.mail.worker.drain();
  const breach = (what: string) =>
    new Error(`${what}: ${method} ${request.path} → ${response.status} ${text.slice(0, 500)}`);
  if (response.status >= 500) throw breach('server error');
  if (response.status >= 400) {
    const parsed = ErrorBodySchema.safeParse(safeJson(text));
    if (!parsed.success) throw breach('refusal without a coded error body');
    // The auth library's mount is one route here; the reference lists the paths under it.
    const listed = documentedCodes.get(key) ?? documentedCodes.get(`${method} ${request.path.split('?')[0]}`);
    if (listed && !listed.has(parsed.data.error.code)) throw breach('a refusal the API reference does not list');
    const after = await databaseSnapshot(t.database.db);
    expect(after, `a refused ${method} ${request.path} (${parsed.data.error.code}) wrote to the database`).toEqual(
      before,
    );
  } else if (endsSession.has(key)) {
    await signInAgain(t, world, request.persona);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
