import { randomUUID } from 'node:crypto';
import type { OrgRole } from '@roster/contracts';
import type { MutationContext } from '../../mutation/run-mutation.ts';
import type { InvitationDeps } from './invitation-context.ts';
import { newInvitationToken } from './invitation-token.ts';
import { expiryFrom } from './invitations.policy.ts';

// Creating, re-issuing and approving all hand out a link the same way; this is that one way.

/** A new link: the token (only its hash is stored), the TTL from now, and the mail that carries it. */
export interface FreshLink {
  token: string;
  hash: string;
  expiresAt: Date | null;
  /** The outbox row that will mail it; null when the link is handed to an admin instead. */
  outboxId: string | null;
}

export type MailedLink = FreshLink & { outboxId: string };

/** R6: a 256-bit token whose TTL (the org's, or never) starts now. */
export function freshLink(ctx: MutationContext, mailed: true): MailedLink;
export function freshLink(ctx: MutationContext, mailed: boolean): FreshLink;
export function freshLink(ctx: MutationContext, mailed: boolean): FreshLink {
  const { token, hash } = newInvitationToken();
  const expiresAt = expiryFrom(ctx.now, ctx.org.settings.inviteTtlHours);
  return { token, hash, expiresAt, outboxId: mailed ? randomUUID() : null };
}

export interface LinkMailFacts {
  invitationId: string;
  to: string;
  inviterName: string;
  role: OrgRole;
}

/**
 * Queues the invitation mail in the change's own transaction (so it exists exactly when the
 * link does) and wakes the sender once the change commits.
 */
export async function queueLinkMail(
  deps: InvitationDeps,
  ctx: MutationContext,
  orgName: string,
  facts: LinkMailFacts,
  link: MailedLink,
): Promise<void> {
  const mail = {
    ...facts,
    outboxId: link.outboxId,
    orgId: ctx.org.id,
    orgName,
    expiresAt: link.expiresAt,
    token: link.token,
  };
  await deps.mailQueue.enqueueInvitation(ctx.tx, mail, ctx.now);
  ctx.afterCommit(() => deps.mailQueue.wake());
}

/** Narrows a link to one that is mailed. */
export function isMailed(link: FreshLink): link is MailedLink {
  return link.outboxId !== null;
}
