import { recordDelivery } from '../modules/invitations/delivery.service.ts';
import type { MutationDeps } from '../mutation/run-mutation.ts';
import { createAccountMailer, type AccountMailer } from './account-mailer.ts';
import { createMailQueue, type MailQueue } from './mail-queue.ts';
import { devMailboxTransport, smtpTransport } from './mail-transport.ts';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.ts';
import { createTokenSealer } from './token-sealer.ts';

export interface Mail {
  /** Given to the services: queue in the transaction, wake after commit. */
  queue: MailQueue;
  /** The sender; tests drain it, shutdown stops it. */
  worker: OutboxWorker;
  /** Verification, reset and notice mails about a person's own account. */
  account: AccountMailer;
}

export interface MailOptions extends MutationDeps {
  secret: string;
  publicUrl: string;
  smtpUrl?: string | undefined;
  retryDelaysMs?: number[] | undefined;
  pollMs?: number | undefined;
}

/** The outbox sender, through SMTP when configured, else into the dev mailbox. */
export function startMail(options: MailOptions): Mail {
  const sealer = createTokenSealer(options.secret);
  const transport = options.smtpUrl ? smtpTransport(options.smtpUrl) : devMailboxTransport(options.db, options.clock);
  const worker = startOutboxWorker({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    transport,
    sealer,
    publicUrl: options.publicUrl,
    retryDelaysMs: options.retryDelaysMs,
    pollMs: options.pollMs,
    onAttempt: (report) => recordDelivery(options, report),
  });
  const wake = () => worker.wake();
  return {
    queue: createMailQueue(sealer, wake),
    worker,
    account: createAccountMailer({ db: options.db, clock: options.clock, sealer, wake }),
  };
}
