import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitation links carry 256 random bits. Only their sha256 is stored, so a leaked database
 * opens no invitation; a link is looked up by hashing what the visitor brings.
 */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 bytes in base64url are 43 characters; anything else is not one of ours. */
export function looksLikeInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The page an invitee opens; the SPA reads the token from the path. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/invitations/${token}`;
}
