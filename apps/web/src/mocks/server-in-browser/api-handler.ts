import { http } from 'msw';
import type { CookieJar } from './cookie-jar.ts';
import { withHeaders } from './shims/forbidden-headers.ts';

type Fetch = (request: Request) => Response | Promise<Response>;

/**
 * Every /api request, handed to the server's own app as a browser would send it to the real
 * server: with the session cookie from the jar and the page's Origin. Mock mode in the tab and
 * the parity suite in Node use this one handler, so what the suite proves is what designers see.
 */
export function apiHandler({ fetch, jar, origin }: { fetch: Fetch; jar: CookieJar; origin: string }) {
  return http.all(`${origin}/api/*`, async ({ request }) => {
    const headers = new Headers(request.headers);
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
    else headers.delete('cookie');
    if (!headers.has('origin') && request.method !== 'GET' && request.method !== 'HEAD') headers.set('origin', origin);
    const response = await fetch(withHeaders(request, headers));
    jar.store(response);
    return response;
  });
}
