import type { RunningServer } from '../src/server.ts';

/**
 * fetch that retries once on a dropped connection: seeding 100k rows into PGlite blocks the
 * event loop long enough for an idle keep-alive socket to be closed under the client.
 */
export async function benchFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

export async function signIn(server: Pick<RunningServer, 'url'>, email: string, password: string): Promise<string> {
  const response = await benchFetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
