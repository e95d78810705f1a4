import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';
import { seededRandom, seedFromEnv, type Random } from './seeded-random.ts';
import { createRaceWorld, type Answer, type RaceWorld } from './race-world.ts';
import { describeAnswer, eventsOf, type RacePair } from './race-pair.ts';
import { checkOrgInvariants, orgsWithSeqDrift, snapshotOrg } from './race-invariants.ts';
import { demoteDemote, roleVsRemoval } from './race-pairs-members.ts';
import { acceptAccept, approveApprove, inviteInvite, lastSeat } from './race-pairs-invitations.ts';

// Randomized pairs of real concurrent HTTP requests, each on a fresh org, with the invariants
// checked in the database after every pair. Replay a failure with the seed it prints:
// RACE_SEED=<seed> RACE_PAIRS=<n> npx vitest run test/races.randomized.integration.test.ts
const seed = seedFromEnv('RACE_SEED');
const pairs = Number(process.env.RACE_PAIRS ?? 1000);
const builders = [demoteDemote, approveApprove, inviteInvite, acceptAccept, lastSeat, roleVsRemoval];

let t: TestServer;
let world: RaceWorld;
const violations: string[] = [];
const orgIds: string[] = [];
let ran = 0;
const startedAt = Date.now();

beforeAll(async () => {
  t = await startTestServer();
  world = await createRaceWorld(t);
});
afterAll(async () => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  console.log(`race: ${ran} pairs, ${violations.length} violations (seed ${seed}, ${seconds} s)`);
  await t?.close();
});

/** Fires the two requests with a small random head start for either, so every interleaving comes up. */
async function fire(pair: RacePair, rng: Random): Promise<Answer[]> {
  const delays = pair.requests.map(() => (rng.chance(0.4) ? 0 : rng.int(6)));
  return Promise.all(
    pair.requests.map(async (request, i) => {
      if (delays[i]) await new Promise((resolve) => setTimeout(resolve, delays[i]));
      return request.send();
    }),
  );
}

describe('randomized races', () => {
  it(`${pairs} pairs keep every invariant`, { timeout: Math.max(60_000, pairs * 600) }, async () => {
    const rng = seededRandom(seed);
    for (let i = 0; i < pairs; i++) {
      const build = rng.pick(builders);
      const pair = await build(world, rng).catch((error: Error) => {
        // Setup goes through the same API: a failure there is a finding too, not a reason to stop.
        violations.push(`pair ${i} ${build.name}: setup failed: ${error.message}`);
        return null;
      });
      if (!pair) continue;
      orgIds.push(pair.orgId);
      const before = await snapshotOrg(world.db, pair.orgId);
      const answers = await fire(pair, rng);
      ran++;
      const { problems, written } = await checkOrgInvariants(world.db, pair.orgId, before);
      problems.push(...answers.filter((a) => a.status >= 500).map((a) => `server error ${describeAnswer(a)}`));
      problems.push(...(await pair.check(answers)));
      const expected = eventsOf(pair.requests, answers);
      for (const type of new Set([...expected.keys(), ...written.keys()])) {
        if ((expected.get(type) ?? 0) !== (written.get(type) ?? 0)) {
          problems.push(`${type}: ${written.get(type) ?? 0} event rows for ${expected.get(type) ?? 0} successes`);
        }
      }
      const outcome = answers.map(describeAnswer).join(' / ');
      violations.push(...problems.map((p) => `pair ${i} ${pair.kind} [${outcome}] org ${pair.orgId}: ${p}`));
    }
    const drifted = await orgsWithSeqDrift(world.db, orgIds);
    violations.push(...drifted.map((id) => `org ${id}: event_seq differs from its event rows after the run`));
    expect(violations, `RACE_SEED=${seed} RACE_PAIRS=${pairs}\n${violations.slice(0, 20).join('\n')}`).toEqual([]);
  });
});
