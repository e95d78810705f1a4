import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import type { Clock } from '../lib/clock.ts';
import type { AccountMailPayload, AccountMailTemplate } from './account-mail.ts';
import { enqueueOutbox } from './outbox.repository.ts';
import type { TokenSealer } from './token-sealer.ts';

export interface AccountMailRequest {
  template: AccountMailTemplate;
  to: string;
  name: string;
  /** A link carrying a token (verification, reset): sealed in the outbox, wiped once sent. */
  url?: string;
  newEmail?: string;
}

/** Sends the account mails through the same outbox as invitations: retried, and never lost. */
export interface AccountMailer {
  send(mail: AccountMailRequest): Promise<void>;
}

export function createAccountMailer(deps: { db: Db; clock: Clock; sealer: TokenSealer; wake(): void }): AccountMailer {
  return {
    async send(mail) {
      const payload: AccountMailPayload = {
        template: mail.template,
        to: mail.to,
        name: mail.name,
        ...(mail.newEmail ? { newEmail: mail.newEmail } : {}),
        ...(mail.url ? { sealedToken: deps.sealer.seal(mail.url) } : {}),
      };
      await enqueueOutbox(deps.db, {
        id: randomUUID(),
        kind: 'account',
        invitationId: null,
        payload: { ...payload },
        at: deps.clock.now(),
      });
      deps.wake();
    },
  };
}
