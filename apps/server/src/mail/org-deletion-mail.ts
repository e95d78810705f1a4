import type { Mail } from './invitation-mail.ts';

/** What the outbox keeps for the mail a creator gets when they delete their org. */
export interface OrgDeletionMailPayload {
  to: string;
  creatorName: string;
  orgId: string;
  orgName: string;
  /** ISO time after which the org can no longer be restored. */
  purgeAfter: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * Confirms the deletion to the creator with the way back: the link opens the org's page, which
 * offers the restore while the grace period lasts (a signed-in creator is all it takes).
 */
export function composeOrgDeletionMail(payload: OrgDeletionMailPayload, publicUrl: string): Mail {
  const url = `${publicUrl}/orgs/${encodeURIComponent(payload.orgId)}`;
  const until = longDate(payload.purgeAfter);
  const subject = `${payload.orgName} was deleted; you can restore it until ${until}`;
  const lines = [
    `${payload.orgName} and everything in it (members, workspaces, invitations, its audit log) will be removed for good after ${until} (UTC).`,
    'Until then nobody else can open it, and you can bring it back exactly as it was.',
  ];
  const text = [`Hello ${payload.creatorName},`, '', ...lines, '', `Restore ${payload.orgName}: ${url}`].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(payload.creatorName)},</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">Restore ${escapeHtml(payload.orgName)}</a></p>`,
  ].join('\n');
  return { to: payload.to, subject, text, html };
}
