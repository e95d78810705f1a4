import { z } from 'zod';
import { DEFAULT_MAX_ORGS_PER_USER, DEFAULT_ORG_DELETE_GRACE_DAYS } from '@roster/contracts';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Folder of the embedded PGlite database; ignored when DATABASE_URL is set. */
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL connections per process (with DATABASE_URL). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  /** A request still unanswered after this many ms is answered 503 BUSY with Retry-After. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  REDIS_URL: z.string().url().optional(),
  /** Outgoing mail (invitations). Unset: mail lands in the dev mailbox, served at /api/dev/mailbox. */
  SMTP_URL: z.string().url().optional(),
  /** Signs session cookies. A fixed development value is used when unset outside production. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** The public URL of the app, e.g. https://roster.example.com. Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Further origins allowed to call the API and open sockets, comma-separated. */
  TRUSTED_ORIGINS: z.string().optional(),
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed: a number of hops, or a
   * comma-separated list of addresses and CIDRs. Unset: the socket's address is the client's.
   */
  TRUST_PROXY: z.string().optional(),
  /** Organizations one person may create (those they were invited to do not count). */
  MAX_ORGS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_MAX_ORGS_PER_USER),
  /** Days a deleted organization waits, restorable by its creator, before its data is purged. */
  ORG_DELETE_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(DEFAULT_ORG_DELETE_GRACE_DAYS),
  /** Skip the demo seed on first start. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Let webhooks reach loopback and private addresses, over plain http too: local development and tests only. */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type Env = z.infer<typeof EnvSchema>;

/** The only reader of process.env: parses it once and fails fast with every problem listed. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (
    parsed.data.NODE_ENV === 'production' &&
    !parsed.data.SESSION_SECRET &&
    parsed.data.PUBLIC_URL?.startsWith('https:')
  ) {
    throw new Error('SESSION_SECRET is required when serving over https in production');
  }
  return parsed.data;
}
