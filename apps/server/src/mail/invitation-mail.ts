import { orgRoleLabel, type OrgRole } from '@roster/contracts';

/** What the outbox keeps for one invitation mail; the link's token only ever sealed. */
export interface InvitationMailPayload {
  orgId: string;
  to: string;
  orgName: string;
  inviterName: string;
  role: OrgRole;
  expiresAt: string | null;
  sealedToken: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function expiryLine(expiresAt: string | null): string {
  if (expiresAt === null) return 'This invitation does not expire.';
  const when = new Date(expiresAt).toUTCString().replace('GMT', 'UTC');
  return `This invitation expires on ${when}.`;
}

/** The invitation mail: who invites you where, as what, the link, and until when. */
export function composeInvitationMail(payload: InvitationMailPayload, url: string): Mail {
  const role = orgRoleLabel[payload.role];
  const subject = `${payload.inviterName} invited you to ${payload.orgName} on Roster`;
  const expiry = expiryLine(payload.expiresAt);
  const text = [
    `${payload.inviterName} invited you to join ${payload.orgName} as ${role}.`,
    '',
    `Accept the invitation: ${url}`,
    '',
    expiry,
    'If you did not expect this invitation, you can ignore this mail.',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(payload.inviterName)} invited you to join <strong>${escapeHtml(payload.orgName)}</strong> as ${role}.</p>`,
    `<p><a href="${escapeHtml(url)}">Accept the invitation</a></p>`,
    `<p>${escapeHtml(expiry)}</p>`,
    '<p>If you did not expect this invitation, you can ignore this mail.</p>',
  ].join('\n');
  return { to: payload.to, subject, text, html };
}
