import { vi } from 'vitest';
import { createCookieJar, memoryStorage, type CookieJar } from '../server-in-browser/cookie-jar.ts';
import { normalize, type Names } from './normalize.ts';
import { fill, people, pick, type ParityCase, type Person } from './parity-step.ts';
import type { Answer, Target } from './targets.ts';

/** What one step answered, with what is random per run already named. */
export interface Seen {
  status: number;
  code: string | null;
  shape: unknown;
}

export interface Prepared {
  target: Target;
  names: Names;
  /** Placeholders every case may use: `org`, `ws:<name>`, `user:<local part>`. */
  seeded: Record<string, string>;
  /** Each demo person's cookies after signing in once; sessions are part of the snapshot. */
  cookies: Record<Person, Record<string, string>>;
}

/** Reads the seed's ids, signs each demo person in, then snapshots the database as every case's start. */
export async function prepare(target: Target, password: string): Promise<Prepared> {
  const seeded: Record<string, string> = {};
  const org = await target.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
  seeded.org = org.id;
  for (const ws of await target.db.selectFrom('workspaces').select(['id', 'name']).execute())
    seeded[`ws:${ws.name}`] = ws.id;
  for (const user of await target.db.selectFrom('users').select(['id', 'email']).execute())
    seeded[`user:${user.email.split('@')[0]}`] = user.id;
  const known = new Map(Object.entries(seeded).map(([name, id]) => [id, `<${name}>`]));
  const cookies = {} as Record<Person, Record<string, string>>;
  for (const [person, email] of Object.entries(people) as [Person, string][]) {
    const storage = memoryStorage();
    const answer = await target.send(createCookieJar(storage), 'POST', '/api/auth/sign-in/email', { email, password });
    if (answer.status !== 200) throw new Error(`${target.name}: sign-in of ${email} answered ${answer.status}`);
    cookies[person] = storage.read();
  }
  await target.snapshot();
  return { target, names: { known, origin: target.origin }, seeded, cookies };
}

/** Runs one case from the snapshot: the same rows, the same signed-in people, a guest with no cookie. */
export async function runCase(prepared: Prepared, parityCase: ParityCase): Promise<Seen[]> {
  const { target, names, seeded, cookies } = prepared;
  await target.reset();
  const jars = new Map<Person | null, CookieJar>();
  const jarOf = (person: Person | null) => {
    let jar = jars.get(person);
    if (!jar) {
      const storage = memoryStorage();
      if (person) storage.write({ ...cookies[person] });
      jars.set(person, (jar = createCookieJar(storage)));
    }
    return jar;
  };
  const scope: Record<string, unknown> = { ...seeded };
  const fresh = new Map<string, string>();
  const seen: Seen[] = [];
  for (const [index, step] of parityCase.steps.entries()) {
    const path = fill(step.path, scope) as string;
    const body = step.body === undefined ? undefined : fill(step.body, scope);
    const send = () => target.send(jarOf(step.as), step.method, path, body);
    const answer = step.until ? await sendUntil(send, step.until) : await send();
    await target.settle();
    const error = (answer.body as { error?: { code?: string } } | null)?.error;
    seen.push({ status: answer.status, code: error?.code ?? null, shape: normalize(answer.body, names, fresh) });
    for (const [key, from] of Object.entries(step.save ?? {})) {
      const value = typeof from === 'function' ? from(answer.body) : pick(answer.body, from);
      if (value === undefined)
        throw new Error(
          `${target.name}: "${parityCase.name}" step ${index + 1} answered ${answer.status}, nothing at ${String(from)}`,
        );
      scope[key] = value;
    }
  }
  return seen;
}

async function sendUntil(send: () => Promise<Answer>, until: (answer: unknown) => boolean): Promise<Answer> {
  return vi.waitFor(
    async () => {
      const answer = await send();
      if (!until(answer.body)) throw new Error(`not yet: ${JSON.stringify(answer.body)}`);
      return answer;
    },
    { timeout: 5_000, interval: 20 },
  );
}
