import type { InvitePolicy, OrgSettings } from '@roster/contracts';

type Toggle = 'allowSelfRoleChange' | 'allowSelfLeave' | 'protectCreator' | 'membersCanViewDirectory';

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
};

export const toggles = Object.keys(toggleCopy) as Toggle[];

/** What the form edits: numbers as typed text, so an empty box is allowed while typing. */
export interface SettingsForm {
  invitePolicy: InvitePolicy;
  ttlNever: boolean;
  ttlHours: string;
  memberCapOn: boolean;
  memberCap: string;
  workspaceCapOn: boolean;
  workspaceCap: string;
  allowSelfRoleChange: boolean;
  allowSelfLeave: boolean;
  protectCreator: boolean;
  membersCanViewDirectory: boolean;
}

export function toForm(s: OrgSettings): SettingsForm {
  return {
    invitePolicy: s.invitePolicy,
    ttlNever: s.inviteTtlHours === null,
    ttlHours: String(s.inviteTtlHours ?? 168),
    memberCapOn: s.memberCap !== null,
    memberCap: s.memberCap === null ? '' : String(s.memberCap),
    workspaceCapOn: s.workspaceMemberCap !== null,
    workspaceCap: s.workspaceMemberCap === null ? '' : String(s.workspaceMemberCap),
    allowSelfRoleChange: s.allowSelfRoleChange,
    allowSelfLeave: s.allowSelfLeave,
    protectCreator: s.protectCreator,
    membersCanViewDirectory: s.membersCanViewDirectory,
  };
}

export type FieldErrors = Partial<Record<'ttlHours' | 'memberCap' | 'workspaceCap', string>>;

function positive(text: string, max: number, what: string): number | string {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isInteger(n) || n < 1) return `Enter a whole number of ${what}, 1 or more.`;
  if (n > max) return `At most ${max.toLocaleString('en')} ${what}.`;
  return n;
}

/** The settings the form describes, or what to fix first. */
export function fromForm(f: SettingsForm): { settings: OrgSettings } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const ttl = f.ttlNever ? null : positive(f.ttlHours, 24 * 365, 'hours');
  const cap = f.memberCapOn ? positive(f.memberCap, 1_000_000, 'seats') : null;
  const wsCap = f.workspaceCapOn ? positive(f.workspaceCap, 100_000, 'seats') : null;
  if (typeof ttl === 'string') errors.ttlHours = ttl;
  if (typeof cap === 'string') errors.memberCap = cap;
  if (typeof wsCap === 'string') errors.workspaceCap = wsCap;
  if (typeof ttl === 'string' || typeof cap === 'string' || typeof wsCap === 'string') return { errors };
  return {
    settings: {
      invitePolicy: f.invitePolicy,
      inviteTtlHours: ttl,
      memberCap: cap,
      workspaceMemberCap: wsCap,
      allowSelfRoleChange: f.allowSelfRoleChange,
      allowSelfLeave: f.allowSelfLeave,
      protectCreator: f.protectCreator,
      membersCanViewDirectory: f.membersCanViewDirectory,
    },
  };
}

/** Only the fields that differ, so a save never overwrites what it did not touch. */
export function changedFields(before: OrgSettings, after: OrgSettings): Partial<OrgSettings> {
  return Object.fromEntries(
    (Object.keys(after) as (keyof OrgSettings)[]).filter((k) => before[k] !== after[k]).map((k) => [k, after[k]]),
  );
}

const onOff = (v: boolean) => (v ? 'on' : 'off');
const ttlText = (h: number | null) =>
  h === null ? 'never' : h % 24 === 0 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} hours`;
const capText = (n: number | null) => (n === null ? 'unlimited' : `${n} seats`);

/** "Invite policy: Members request → Admins only", one line per setting that differs. */
export function describeChanges(before: OrgSettings, after: OrgSettings): string[] {
  const lines: string[] = [];
  const add = (label: string, a: string, b: string) => a !== b && lines.push(`${label}: ${a} → ${b}`);
  add('Invite policy', invitePolicyCopy[before.invitePolicy].label, invitePolicyCopy[after.invitePolicy].label);
  add('Invitations expire after', ttlText(before.inviteTtlHours), ttlText(after.inviteTtlHours));
  add('Organization seat cap', capText(before.memberCap), capText(after.memberCap));
  add('Workspace seat cap', capText(before.workspaceMemberCap), capText(after.workspaceMemberCap));
  for (const key of toggles) add(toggleCopy[key].label, onOff(before[key]), onOff(after[key]));
  return lines;
}
