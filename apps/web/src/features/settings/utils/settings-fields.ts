import { MAX_PENDING_REQUESTS_PER_MEMBER, type InvitePolicy, type OrgSettings } from '@roster/contracts';
import { NEVER, ttlToOption } from './expiry-options.ts';
import { FOREVER, retentionToOption } from './retention-options.ts';

export type Toggle =
  'allowSelfRoleChange' | 'allowSelfLeave' | 'protectCreator' | 'membersCanViewDirectory' | 'requireTwoFactor';

export const invitePolicyCopy: Record<InvitePolicy, { label: string; description: string }> = {
  anyone: {
    label: 'Anyone',
    description: 'Members invite people directly; the invitation is sent at once.',
  },
  members_request: {
    label: 'Members request',
    description: 'Members propose invitations; an admin approves or rejects each one before it is sent.',
  },
  admins_only: {
    label: 'Admins only',
    description: 'Only admins can invite. Members cannot send or propose invitations.',
  },
};

export const toggleCopy: Record<Toggle, { label: string; description: string }> = {
  allowSelfRoleChange: {
    label: 'Allow people to change their own role',
    description: 'When off, an admin must ask another admin to change their role.',
  },
  allowSelfLeave: {
    label: 'Allow people to leave on their own',
    description: 'Shows “Leave organization” to everyone. The last admin can never leave.',
  },
  protectCreator: {
    label: 'Protect the organization’s creator',
    description: 'The person who created the organization cannot be demoted or removed.',
  },
  membersCanViewDirectory: {
    label: 'Members can view the member directory',
    description: 'Members see who else is in the organization. Only admins can change anything.',
  },
  requireTwoFactor: {
    label: 'Require two-factor sign-in',
    description:
      'People without two-factor sign-in can’t open this organization until they set it up on their account page. Turn it on for yourself first.',
  },
};

/** The Members section's switches; the Security section holds `requireTwoFactor`. */
export const toggles: Toggle[] = ['allowSelfRoleChange', 'allowSelfLeave', 'protectCreator', 'membersCanViewDirectory'];
export const securityToggles: Toggle[] = ['requireTwoFactor'];

/** What the form edits: numbers as typed text, so an empty box is allowed while typing. */
export interface SettingsForm {
  invitePolicy: InvitePolicy;
  /** The expiry select's value: hours as text, or `never`. */
  ttl: string;
  memberCapOn: boolean;
  memberCap: string;
  workspaceCapOn: boolean;
  workspaceCap: string;
  maxPendingRequests: string;
  allowSelfRoleChange: boolean;
  allowSelfLeave: boolean;
  protectCreator: boolean;
  membersCanViewDirectory: boolean;
  requireTwoFactor: boolean;
  /** The audit retention select's value: days as text, or `forever`. */
  auditRetention: string;
}

export function toForm(s: OrgSettings): SettingsForm {
  return {
    invitePolicy: s.invitePolicy,
    ttl: ttlToOption(s.inviteTtlHours),
    memberCapOn: s.memberCap !== null,
    memberCap: s.memberCap === null ? '' : String(s.memberCap),
    workspaceCapOn: s.workspaceMemberCap !== null,
    workspaceCap: s.workspaceMemberCap === null ? '' : String(s.workspaceMemberCap),
    maxPendingRequests: String(s.maxPendingRequestsPerMember),
    allowSelfRoleChange: s.allowSelfRoleChange,
    allowSelfLeave: s.allowSelfLeave,
    protectCreator: s.protectCreator,
    membersCanViewDirectory: s.membersCanViewDirectory,
    requireTwoFactor: s.requireTwoFactor,
    auditRetention: retentionToOption(s.auditRetentionDays),
  };
}

export type FieldErrors = Partial<Record<'ttl' | 'memberCap' | 'workspaceCap' | 'maxPendingRequests', string>>;

function positive(text: string, max: number, what: string): number | string {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isInteger(n) || n < 1) return `Enter a whole number of ${what}, 1 or more.`;
  if (n > max) return `At most ${max.toLocaleString('en')} ${what}.`;
  return n;
}

/** The settings the form describes, or what to fix first. */
export function fromForm(f: SettingsForm): { settings: OrgSettings } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const ttl = f.ttl === NEVER ? null : positive(f.ttl, 24 * 365, 'hours');
  const cap = f.memberCapOn ? positive(f.memberCap, 1_000_000, 'seats') : null;
  const wsCap = f.workspaceCapOn ? positive(f.workspaceCap, 100_000, 'seats') : null;
  if (typeof ttl === 'string') errors.ttl = ttl;
  if (typeof cap === 'string') errors.memberCap = cap;
  const requests = positive(f.maxPendingRequests, MAX_PENDING_REQUESTS_PER_MEMBER, 'requests');
  if (typeof wsCap === 'string') errors.workspaceCap = wsCap;
  if (typeof requests === 'string') errors.maxPendingRequests = requests;
  if (typeof ttl === 'string' || typeof cap === 'string' || typeof wsCap === 'string' || typeof requests === 'string')
    return { errors };
  return {
    settings: {
      invitePolicy: f.invitePolicy,
      inviteTtlHours: ttl,
      memberCap: cap,
      workspaceMemberCap: wsCap,
      maxPendingRequestsPerMember: requests,
      allowSelfRoleChange: f.allowSelfRoleChange,
      allowSelfLeave: f.allowSelfLeave,
      protectCreator: f.protectCreator,
      membersCanViewDirectory: f.membersCanViewDirectory,
      requireTwoFactor: f.requireTwoFactor,
      auditRetentionDays: f.auditRetention === FOREVER ? null : Number(f.auditRetention),
    },
  };
}
