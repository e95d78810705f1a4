import type { OrgSettingKey, OrgSettings } from '@roster/contracts';
import { expiryText } from './expiry-options.ts';
import { retentionText } from './retention-options.ts';
import { invitePolicyCopy, toggleCopy } from './settings-fields.ts';

type Describers = { [K in OrgSettingKey]: { label: string; text: (value: OrgSettings[K]) => string } };

const onOff = (on: boolean) => (on ? 'on' : 'off');
const cap = (n: number | null) => (n === null ? 'unlimited' : `${n.toLocaleString('en')} seats`);

/** Each setting's short name and how its value reads, in the order the page shows them. */
export const settingDescribers: Describers = {
  invitePolicy: { label: 'Invite policy', text: (p) => invitePolicyCopy[p].label },
  inviteTtlHours: { label: 'Invitations expire after', text: expiryText },
  maxPendingRequestsPerMember: { label: 'Pending requests per member', text: String },
  memberCap: { label: 'Organization seat cap', text: cap },
  workspaceMemberCap: { label: 'Workspace seat cap', text: cap },
  allowSelfRoleChange: { label: toggleCopy.allowSelfRoleChange.label, text: onOff },
  allowSelfLeave: { label: toggleCopy.allowSelfLeave.label, text: onOff },
  protectCreator: { label: toggleCopy.protectCreator.label, text: onOff },
  membersCanViewDirectory: { label: toggleCopy.membersCanViewDirectory.label, text: onOff },
  requireTwoFactor: { label: toggleCopy.requireTwoFactor.label, text: onOff },
  auditRetentionDays: { label: 'Audit log keeps entries for', text: retentionText },
};

export const settingKeys = Object.keys(settingDescribers) as OrgSettingKey[];

/** How one setting's value reads: "Admins only", "7 days", "unlimited", "on". */
export function settingText<K extends OrgSettingKey>(key: K, value: OrgSettings[K]): string {
  return settingDescribers[key].text(value);
}

/** Only the fields that differ, so a save never sends what it did not change. */
export function changedFields(before: OrgSettings, after: OrgSettings): Partial<OrgSettings> {
  return Object.fromEntries(settingKeys.filter((k) => before[k] !== after[k]).map((k) => [k, after[k]]));
}

/** "Invite policy: Members request → Admins only", one line per setting that differs. */
export function describeChanges(before: OrgSettings, after: OrgSettings, keys = settingKeys): string[] {
  return keys
    .filter((key) => before[key] !== after[key])
    .map(
      (key) => `${settingDescribers[key].label}: ${settingText(key, before[key])} → ${settingText(key, after[key])}`,
    );
}
