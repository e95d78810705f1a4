// A small client for Roster's API with an org API key: what each example shares.
// Node 20 or later; no packages needed.

const url = process.env.ROSTER_URL ?? 'http://localhost:3000';
const key = process.env.ROSTER_API_KEY;
export const orgId = process.env.ROSTER_ORG_ID;

if (!key || !orgId) {
  console.error('Set ROSTER_API_KEY (an org API key, rk_…) and ROSTER_ORG_ID; ROSTER_URL defaults to ' + url);
  process.exit(2);
}

/** An error answer of the API: `code` is the stable part to branch on. */
export class RosterError extends Error {
  constructor(status, body) {
    super(`${status} ${body?.error?.code ?? 'UNKNOWN'}: ${body?.error?.message ?? 'no message'}`);
    this.status = status;
    this.code = body?.error?.code;
    this.details = body?.error?.details;
  }
}

/** Calls the API at `path` with the key, waits out a rate limit once, answers the parsed body. */
export async function roster(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(new URL(path, url), {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // The key's budget is told in the RateLimit header ("default";r=<left>;t=<seconds>): on a
    // 429, wait as long as Retry-After says, once.
    if (response.status === 429 && attempt === 0) {
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new RosterError(response.status, parsed);
    return parsed;
  }
}

/** Runs an example's main, printing an API error as one line and exiting 1. */
export function run(main) {
  main().catch((error) => {
    console.error(error instanceof RosterError ? error.message : error);
    process.exit(1);
  });
}
