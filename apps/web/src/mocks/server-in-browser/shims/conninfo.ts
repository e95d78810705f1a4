/** No socket behind an MSW request: http/client-address.ts then counts it as IN_PROCESS. */
export function getConnInfo(): never {
  throw new Error('no connection info in the browser');
}
