// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../server/src/db/seed-demo.ts';
import { parityCases } from './parity-cases.ts';
import { prepare, runCase, type Prepared } from './run-case.ts';
import { startMockTarget, startRealTarget, type Target } from './targets.ts';
import { differences, unexpected } from './compare.ts';

// Taken before MSW wraps the global fetch: the real server is reached over the network.
const networkFetch = globalThis.fetch;

let server: Target;
let mock: Target;
let onServer: Prepared;
let onMock: Prepared;
let requests = 0;
let differing = 0;

beforeAll(async () => {
  server = await startRealTarget(networkFetch);
  mock = await startMockTarget();
  onServer = await prepare(server, DEMO_PASSWORD);
  onMock = await prepare(mock, DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.close(), mock?.close()]);
  console.log(`parity: ${parityCases.length} cases, ${requests} requests, ${differing} differences`);
});

/**
 * Mock mode is the server's own app behind one MSW handler (ADR 18); this proves it answers
 * like the real server, case by case: the same statuses, error codes and answers.
 */
describe('parity of mock mode with the server', () => {
  it('has a case for every route, its success and its refusals', () => {
    expect(parityCases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(parityCases.map((c) => c.name)).size).toBe(parityCases.length);
  });

  for (const parityCase of parityCases) {
    it(parityCase.name, async () => {
      const real = await runCase(onServer, parityCase);
      const mocked = await runCase(onMock, parityCase);
      requests += real.length + mocked.length;
      const found = differences(parityCase, real, mocked);
      differing += found.length;
      expect(found).toEqual([]);
      expect(unexpected(parityCase, real)).toEqual([]);
    });
  }
});
