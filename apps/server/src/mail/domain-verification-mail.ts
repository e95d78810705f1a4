import type { Mail } from './invitation-mail.ts';

/** What the outbox keeps for a domain's verification mail; the link holds the token, sealed (and dropped once sent). */
export interface DomainVerificationMailPayload {
  to: string;
  adminName: string;
  orgName: string;
  domain: string;
  sealedToken: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Asks someone at the domain to confirm it belongs to the org (R21): opening the link is the proof. */
export function composeDomainVerificationMail(payload: DomainVerificationMailPayload, url: string): Mail {
  const subject = `Confirm that ${payload.domain} belongs to ${payload.orgName}`;
  const lines = [
    `${payload.adminName} added ${payload.domain} to ${payload.orgName} on Roster and chose this address to confirm it.`,
    `Once confirmed, people with a verified address at ${payload.domain} may be offered to join ${payload.orgName}.`,
    'If you did not expect this, ignore this mail: nothing changes until the link is opened. It works for 7 days.',
  ];
  const text = [...lines.slice(0, 2), '', `Confirm ${payload.domain}: ${url}`, '', lines[2]].join('\n');
  const html = [
    ...lines.slice(0, 2).map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">Confirm ${escapeHtml(payload.domain)}</a></p>`,
    `<p>${escapeHtml(lines[2]!)}</p>`,
  ].join('\n');
  return { to: payload.to, subject, text, html };
}
