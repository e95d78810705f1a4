/** The event types people read most, in words; anything else is spelled out from its name. */
const ACTION_LABELS: Record<string, string> = {
  'member.role_changed': 'Changed a role',
  'member.removed': 'Removed a member',
  'member.joined': 'Member joined',
  'member.left': 'Left the organization',
  'member.updated': 'Updated a member',
  'invitation.created': 'Invited someone',
  'invitation.requested': 'Asked to invite someone',
  'invitation.resent': 'Resent an invitation',
  'invitation.renewed': 'Renewed an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'invitation.updated': 'Changed an invitation',
  'invitation.expired': 'Invitation expired',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.declined': 'Declined an invitation',
  'invitation.link_issued': 'Issued an invitation link',
  'invitation.delivery_changed': 'Invitation delivery changed',
  'invite_request.approved': 'Approved a request to invite',
  'invite_request.rejected': 'Declined a request to invite',
  'access.requested': 'Asked for access',
  'access.denied': 'Was refused',
  'settings.updated': 'Changed settings',
  'workspace.created': 'Created a workspace',
  'workspace.renamed': 'Renamed a workspace',
  'workspace.deleted': 'Deleted a workspace',
  'workspace.member_added': 'Added to a workspace',
  'workspace.member_role_changed': 'Changed a workspace role',
  'workspace.member_removed': 'Removed from a workspace',
  'org.created': 'Created the organization',
  'org.updated': 'Renamed the organization',
  'org.transferred': 'Handed over the organization',
  'org.deleted': 'Deleted the organization',
  'org.restored': 'Restored the organization',
  'domain.added': 'Added a mail domain',
  'domain.verified': 'Verified a mail domain',
  'domain.updated': 'Changed a mail domain',
  'domain.removed': 'Removed a mail domain',
  'api_key.created': 'Created an API key',
  'api_key.revoked': 'Revoked an API key',
  'webhook.created': 'Added a webhook',
  'webhook.updated': 'Changed a webhook',
  'webhook.deleted': 'Removed a webhook',
  'webhook.secret_rotated': 'Rotated a webhook’s secret',
  'webhook.redelivered': 'Asked for a webhook delivery again',
  'webhook.disabled': 'Disabled a failing webhook',
};

const REVERTED = '.reverted';

/** `member.role_changed` → "Changed a role"; an undo reads "Undid: Changed a role". */
export function auditActionLabel(action: string): string {
  if (action.endsWith(REVERTED)) return `Undid: ${auditActionLabel(action.slice(0, -REVERTED.length))}`;
  return ACTION_LABELS[action] ?? spellOut(action);
}

/** `invite_request.expired` → "Invite request expired". */
function spellOut(action: string): string {
  const words = action.replaceAll(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
