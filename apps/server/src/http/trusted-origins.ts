/**
 * The origins allowed to call the API and open sockets. Without PUBLIC_URL the app is local:
 * every loopback name of its port (localhost, 127.0.0.1, [::1]) works alike, and in development
 * so does any port of them (Vite). With PUBLIC_URL it is that origin plus TRUSTED_ORIGINS, and
 * nothing else.
 */
export function trustedOriginsFor(options: {
  publicUrl: string | undefined;
  port: number;
  extra: string[];
  development: boolean;
}): string[] {
  const extra = options.extra.map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
  if (options.publicUrl) return [new URL(options.publicUrl).origin, ...extra];
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  const local = hosts.map((host) => `http://${host}:${options.port}`);
  const anyPort = options.development ? hosts.map((host) => `http://${host}:*`) : [];
  return [...local, ...anyPort, ...extra];
}

/** A URL served only to this machine (localhost and the loopback addresses). */
export function isLocalUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}
