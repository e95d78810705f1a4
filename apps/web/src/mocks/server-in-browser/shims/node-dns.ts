/**
 * The tab has no DNS, and mock mode never delivers a webhook: every name a webhook URL holds
 * resolves to one public address (example.com's), so adding an endpoint works as on the server.
 */
export function lookup(): Promise<Array<{ address: string; family: number }>> {
  return Promise.resolve([{ address: '93.184.215.14', family: 4 }]);
}
