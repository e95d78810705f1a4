import type { AccessRequestPage } from '@roster/contracts';
import type { Mail } from './invitation-mail.ts';

/** What the outbox keeps for one admin's copy of an access request. */
export interface AccessRequestMailPayload {
  to: string;
  adminName: string;
  orgId: string;
  orgName: string;
  requesterName: string;
  requesterEmail: string;
  page: AccessRequestPage;
  workspace: { id: string; name: string } | null;
  message: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page in words, and where an admin goes to grant it. */
function target(payload: AccessRequestMailPayload, publicUrl: string): { what: string; url: string } {
  const org = `${publicUrl}/orgs/${encodeURIComponent(payload.orgId)}`;
  switch (payload.page) {
    case 'members':
      return { what: `the members of ${payload.orgName}`, url: `${org}/members` };
    case 'settings':
      return { what: `the settings of ${payload.orgName}`, url: `${org}/settings` };
    case 'workspace':
      return {
        what: `the workspace ${payload.workspace?.name ?? ''} in ${payload.orgName}`,
        url: `${org}/workspaces/${encodeURIComponent(payload.workspace?.id ?? '')}`,
      };
  }
}

/** Tells one admin who asks for access to what, with their note, and where to grant it. */
export function composeAccessRequestMail(payload: AccessRequestMailPayload, publicUrl: string): Mail {
  const { what, url } = target(payload, publicUrl);
  const who = `${payload.requesterName} (${payload.requesterEmail})`;
  const subject = `${payload.requesterName} asks for access to ${what}`;
  const note = payload.message ? [`Their note: “${payload.message}”`] : [];
  const closing = 'You can change their role or add them to the workspace on Roster; nothing changes until you do.';
  const text = [
    `Hello ${payload.adminName},`,
    '',
    `${who} asks for access to ${what}.`,
    ...note,
    '',
    `Open Roster: ${url}`,
    '',
    closing,
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(payload.adminName)},</p>`,
    `<p>${escapeHtml(who)} asks for access to ${escapeHtml(what)}.</p>`,
    ...note.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">Open Roster</a></p>`,
    `<p>${escapeHtml(closing)}</p>`,
  ].join('\n');
  return { to: payload.to, subject, text, html };
}
