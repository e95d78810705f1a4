import { DEMO_PASSWORD } from '../../../../../server/src/db/seed-demo.ts';
import { createCookieJar } from '../cookie-jar.ts';

type Fetch = (request: Request) => Response | Promise<Response>;

/** Someone else at the organization, making changes through the same API the page uses. */
export interface Person {
  email: string;
  /** The answer's JSON, or null when the server refused (a refused change is simply skipped). */
  call<T>(method: string, path: string, body?: unknown): Promise<T | null>;
}

/**
 * Signs a demo person in through the real sign-in route, into a cookie jar of their own (in
 * memory, so the designer's own session in the tab is untouched). Their changes then carry real
 * versions, event seqs and audit rows, and the server may refuse them like anyone's.
 */
export async function signInAs(fetch: Fetch, origin: string, email: string): Promise<Person> {
  const jar = createCookieJar();
  const send = async (method: string, path: string, body?: unknown) => {
    const headers = new Headers({ origin, cookie: jar.header() });
    if (body !== undefined) headers.set('content-type', 'application/json');
    const request = new Request(`${origin}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const response = await fetch(request);
    jar.store(response);
    return response;
  };
  const signedIn = await send('POST', '/api/auth/sign-in/email', { email, password: DEMO_PASSWORD });
  if (!signedIn.ok) throw new Error(`${email} could not sign in (${signedIn.status})`);
  // One request at a time, like a person at one tab: two players acting as the same person at
  // once would otherwise both refresh the same fresh session.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    email,
    call<T>(method: string, path: string, body?: unknown) {
      const answer = previous.then(async () => {
        const response = await send(method, path, body);
        if (!response.ok) return null;
        return (response.status === 204 ? {} : await response.json()) as T;
      });
      previous = answer.catch(() => undefined);
      return answer;
    },
  };
}
