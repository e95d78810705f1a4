import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrgRole } from '@roster/contracts';
import type { Database } from '../db/schema.ts';
import type { AccessRequestMailPayload } from './access-request-mail.ts';
import type { InvitationMailPayload } from './invitation-mail.ts';
import type { DomainVerificationMailPayload } from './domain-verification-mail.ts';
import type { OrgDeletionMailPayload } from './org-deletion-mail.ts';
import type { WebhookDisabledMailPayload } from './webhook-disabled-mail.ts';
import { cancelQueuedOutbox, enqueueOutbox } from './outbox.repository.ts';
import type { TokenSealer } from './token-sealer.ts';

export interface InvitationMailRequest {
  /** The outbox row's id, chosen by the caller so the invitation can point at its current mail. */
  outboxId: string;
  orgId: string;
  invitationId: string;
  to: string;
  orgName: string;
  inviterName: string;
  role: OrgRole;
  expiresAt: Date | null;
  token: string;
}

/** What a change needs to send mail: queue it in its transaction, wake the sender after commit. */
export interface MailQueue {
  /** Queues the invitation mail in `tx` (after the invitation row exists). */
  enqueueInvitation(tx: Kysely<Database>, mail: InvitationMailRequest, at: Date): Promise<void>;
  /** Queues one admin's copy of an access request in `tx`. */
  enqueueAccessRequest(tx: Kysely<Database>, mail: AccessRequestMailPayload, at: Date): Promise<void>;
  /** Queues the creator's mail about their deleted org (with the way to restore it) in `tx`. */
  enqueueOrgDeletion(tx: Kysely<Database>, mail: OrgDeletionMailPayload, at: Date): Promise<void>;
  /** Queues a domain's verification mail in `tx`; `url` holds its token and is stored sealed. */
  enqueueDomainVerification(
    tx: Kysely<Database>,
    mail: Omit<DomainVerificationMailPayload, 'sealedToken'> & { url: string },
    at: Date,
  ): Promise<void>;
  /** Queues one admin's mail about a webhook the server disabled, in `tx`. */
  enqueueWebhookDisabled(tx: Kysely<Database>, mail: WebhookDisabledMailPayload, at: Date): Promise<void>;
  /** Drops queued mails of an invitation whose link just changed. */
  cancelInvitationMail(tx: Kysely<Database>, invitationId: string): Promise<void>;
  /** Asks the sender to look at the outbox now (call after commit). */
  wake(): void;
}

export function createMailQueue(sealer: TokenSealer, wake: () => void): MailQueue {
  return {
    async enqueueInvitation(tx, mail, at) {
      const payload: InvitationMailPayload = {
        orgId: mail.orgId,
        to: mail.to,
        orgName: mail.orgName,
        inviterName: mail.inviterName,
        role: mail.role,
        expiresAt: mail.expiresAt?.toISOString() ?? null,
        sealedToken: sealer.seal(mail.token),
      };
      await enqueueOutbox(tx, {
        id: mail.outboxId,
        kind: 'invitation',
        invitationId: mail.invitationId,
        payload: { ...payload },
        at,
      });
    },
    async enqueueAccessRequest(tx, mail, at) {
      await enqueueOutbox(tx, {
        id: randomUUID(),
        kind: 'access-request',
        invitationId: null,
        payload: { ...mail },
        at,
      });
    },
    async enqueueOrgDeletion(tx, mail, at) {
      await enqueueOutbox(tx, { id: randomUUID(), kind: 'org-deletion', invitationId: null, payload: { ...mail }, at });
    },
    async enqueueDomainVerification(tx, { url, ...mail }, at) {
      const payload: DomainVerificationMailPayload = { ...mail, sealedToken: sealer.seal(url) };
      await enqueueOutbox(tx, {
        id: randomUUID(),
        kind: 'domain-verification',
        invitationId: null,
        payload: { ...payload },
        at,
      });
    },
    async enqueueWebhookDisabled(tx, mail, at) {
      await enqueueOutbox(tx, {
        id: randomUUID(),
        kind: 'webhook-disabled',
        invitationId: null,
        payload: { ...mail },
        at,
      });
    },
    cancelInvitationMail: (tx, invitationId) => cancelQueuedOutbox(tx, invitationId),
    wake,
  };
}
