import type { Mail } from './invitation-mail.ts';

/** What the outbox keeps for the mail each admin gets when the server disables a webhook. */
export interface WebhookDisabledMailPayload {
  to: string;
  adminName: string;
  orgId: string;
  orgName: string;
  url: string;
  reason: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Tells an admin that deliveries to an endpoint stopped, why, and where to turn it back on. */
export function composeWebhookDisabledMail(payload: WebhookDisabledMailPayload, publicUrl: string): Mail {
  const link = `${publicUrl}/orgs/${encodeURIComponent(payload.orgId)}/developers`;
  const subject = `A webhook of ${payload.orgName} was disabled`;
  const lines = [
    `Roster stopped delivering to ${payload.url}: ${payload.reason}`,
    'Changes made while it is disabled are not sent to it. Fix the receiver, then enable the webhook again on the Developers page.',
  ];
  const text = [`Hello ${payload.adminName},`, '', ...lines, '', `Webhooks of ${payload.orgName}: ${link}`].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(payload.adminName)},</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link)}">Webhooks of ${escapeHtml(payload.orgName)}</a></p>`,
  ].join('\n');
  return { to: payload.to, subject, text, html };
}
