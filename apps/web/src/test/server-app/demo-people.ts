/** jsdom's page origin in these tests: the in-process app trusts it and the handler serves it. */
export const TEST_ORIGIN = 'http://localhost:3000';

/** The seeded demo accounts tests act as (password `roster-demo`, from the demo seed). */
export const demoSignIns = {
  ada: 'ada@acme.test',
  grace: 'grace@acme.test',
  linus: 'linus@acme.test',
  ext: 'ext@partner.test',
} as const;

export type DemoPerson = keyof typeof demoSignIns;
