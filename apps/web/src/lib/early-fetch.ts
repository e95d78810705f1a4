/**
 * GETs every signed-in page needs, started by the entry chunk before the app's code arrives:
 * the answer is on its way while React and the router load. Each is taken once, by the first
 * request for the same path, and only while fresh; later requests go to the network as usual.
 */
const FRESH_MS = 5_000;

const early = new Map<string, { response: Promise<Response>; startedAt: number }>();

export function fetchEarly(path: string): void {
  const response = fetch(new URL(path, window.location.origin), {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  // Nobody may take it: a failure here is the later request's to report, never an unhandled one.
  response.catch(() => {});
  early.set(path, { response, startedAt: Date.now() });
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path);
  early.delete(path);
  return entry && Date.now() - entry.startedAt < FRESH_MS ? entry.response : undefined;
}
