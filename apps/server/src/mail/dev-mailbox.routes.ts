import { Hono } from 'hono';
import { sql } from 'kysely';
import type { DevMail } from '@roster/contracts';
import type { Db } from '../db/connect.ts';
import type { AppEnv } from '../http/context.ts';

/**
 * `GET /api/dev/mailbox`: the latest 50 mails, mounted only while no SMTP server is configured
 * (so `pnpm start` demos work end to end). It shows invitation links to whoever asks: any real
 * deployment sets SMTP_URL, which removes it.
 */
export function devMailboxRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const rows = await db
      .selectFrom('dev_mailbox')
      .select([sql<string>`cast(id as text)`.as('id'), 'to', 'subject', 'text', 'html', 'created_at'])
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    const items: DevMail[] = rows.map(({ created_at, ...mail }) => ({
      ...mail,
      createdAt: new Date(created_at).toISOString(),
    }));
    return c.json({ items });
  });
}
