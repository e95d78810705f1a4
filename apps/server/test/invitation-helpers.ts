import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ErrorBodySchema, type ErrorCode } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';

/** Status and error code of a refusal, asserted together. */
export async function refusal(response: Response): Promise<{ status: number; code: ErrorCode }> {
  const body = ErrorBodySchema.parse(await response.json());
  return { status: response.status, code: body.error.code };
}

export async function invitationRows(db: Db, orgId: string) {
  return db.selectFrom('invitations').selectAll().where('org_id', '=', orgId).orderBy('email_lower').execute();
}

/** The org's audit rows, without the mail sender's delivery reports (a test of their own covers them). */
export async function eventRows(db: Db, orgId: string) {
  const rows = await db.selectFrom('events').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
  return rows.filter((row) => row.type !== 'invitation.delivery_changed');
}

export async function headSeq(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select('event_seq')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.event_seq;
}

/** The token of the first invitation link in a mail body (quoted-printable soft breaks undone). */
export function tokenIn(body: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(body.replace(/=\r?\n/g, ''));
  if (!match) throw new Error(`no invitation link in:\n${body}`);
  return match[1]!;
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server in the test process; `reject` makes it refuse every recipient. */
export async function startSmtp(options: { reject?: boolean } = {}): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!options.reject) return callback();
      const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every value stored in every table of the database, as one string to search. */
export async function wholeDatabaseText(db: Db): Promise<string> {
  const tables = await db
    .selectFrom('information_schema.tables' as never)
    .select('table_name' as never)
    .where('table_schema' as never, '=', 'public' as never)
    .execute();
  const dumps: string[] = [];
  for (const { table_name } of tables as Array<{ table_name: string }>) {
    const rows = await db
      .selectFrom(table_name as never)
      .selectAll()
      .execute();
    dumps.push(`${table_name}: ${JSON.stringify(rows)}`);
  }
  return dumps.join('\n');
}
