import { createTransport } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mail } from './invitation-mail.ts';

/** Where mail goes: an SMTP server, or the dev mailbox when none is configured. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export const MAIL_FROM = 'Roster <no-reply@roster.local>';

export function smtpTransport(url: string, from = MAIL_FROM): MailTransport {
  const transporter = createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({ from, ...mail });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL mail lands in a table the SPA shows at /dev/mailbox. */
export function devMailboxTransport(db: Kysely<Database>, clock: Clock): MailTransport {
  return {
    async send(mail) {
      await db
        .insertInto('dev_mailbox')
        .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, created_at: clock.now() })
        .execute();
    },
    close: () => {},
  };
}
