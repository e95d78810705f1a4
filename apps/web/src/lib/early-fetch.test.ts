import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { server } from '../test/msw-server.ts';
import { apiRequest } from './api-client.ts';
import { fetchEarly } from './early-fetch.ts';

const Answer = z.object({ n: z.number() });

/** A server that numbers its answers, so a test can tell the early one from a later one. */
function countingServer() {
  let n = 0;
  server.use(http.get('*/api/early-test', () => HttpResponse.json({ n: ++n })));
  return () => n;
}

afterEach(() => vi.useRealTimers());

describe('an early request', () => {
  it('answers the first request for its path, and only the first', async () => {
    const answered = countingServer();
    fetchEarly('/api/early-test');
    expect(await apiRequest('/api/early-test', { schema: Answer })).toEqual({ n: 1 });
    expect(await apiRequest('/api/early-test', { schema: Answer })).toEqual({ n: 2 });
    expect(answered()).toBe(2);
  });

  it('is not used once it is stale: the request goes to the server afresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const answered = countingServer();
    fetchEarly('/api/early-test');
    vi.setSystemTime(Date.now() + 10_000);
    expect(await apiRequest('/api/early-test', { schema: Answer })).toEqual({ n: 2 });
    expect(answered()).toBe(2);
  });
});
