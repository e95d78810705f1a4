import type { OrgSettingKey, OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { toForm, type SettingsForm } from './settings-fields.ts';
import { settingKeys } from './settings-values.ts';

/** The form fields that hold each setting (a cap is a switch and a number box). */
const formFieldsOf: Record<OrgSettingKey, (keyof SettingsForm)[]> = {
  invitePolicy: ['invitePolicy'],
  inviteTtlHours: ['ttl'],
  maxPendingRequestsPerMember: ['maxPendingRequests'],
  memberCap: ['memberCapOn', 'memberCap'],
  workspaceMemberCap: ['workspaceCapOn', 'workspaceCap'],
  allowSelfRoleChange: ['allowSelfRoleChange'],
  allowSelfLeave: ['allowSelfLeave'],
  protectCreator: ['protectCreator'],
  membersCanViewDirectory: ['membersCanViewDirectory'],
  requireTwoFactor: ['requireTwoFactor'],
  auditRetentionDays: ['auditRetention'],
};

/** A number box as the value it means ("07" is 7), anything else as typed. */
const number = (typed: string) => {
  const n = Number(typed.trim());
  return typed.trim() && Number.isInteger(n) ? String(n) : typed;
};

/** What the form says about one setting, comparable across forms (a switched-off box's text does not count). */
function fieldValue(form: SettingsForm, key: OrgSettingKey): string {
  switch (key) {
    case 'memberCap':
      return form.memberCapOn ? number(form.memberCap) : 'off';
    case 'workspaceMemberCap':
      return form.workspaceCapOn ? number(form.workspaceCap) : 'off';
    case 'maxPendingRequestsPerMember':
      return number(form.maxPendingRequests);
    default:
      return String(form[formFieldsOf[key][0]!]);
  }
}

/** Whether the person changed this setting in the form, compared with the settings it was read from. */
export function isEdited(form: SettingsForm, from: OrgSettings, key: OrgSettingKey): boolean {
  return fieldValue(form, key) !== fieldValue(toForm(from), key);
}

/** The settings the person changed in the form. */
export function editedKeys(form: SettingsForm, from: OrgSettings): OrgSettingKey[] {
  const before = toForm(from);
  return settingKeys.filter((key) => fieldValue(form, key) !== fieldValue(before, key));
}

/** `form` with one setting's fields taken from `source`. */
export function withField(form: SettingsForm, source: SettingsForm, key: OrgSettingKey): SettingsForm {
  const next = { ...form };
  for (const field of formFieldsOf[key]) Object.assign(next, { [field]: source[field] });
  return next;
}

/** Another admin's value for a setting this person is editing, and who set it (null when unsure). */
export interface TheirChange {
  text: string;
  by: string | null;
}

export interface Rebased {
  form: SettingsForm;
  /** Settings both people changed to different values: the person's edit stays, theirs is shown. */
  collisions: OrgSettingKey[];
}

/**
 * Lays the person's edits (made on `from`) onto newer settings `to`: a setting they did not touch
 * takes the new value; one they did keeps their edit, and is a collision when someone else changed
 * it too, to something else. `sent` is a save of theirs in flight: its own echo is no collision.
 */
export function rebaseForm(
  form: SettingsForm,
  from: OrgSettings,
  to: OrgSettings,
  sent: Partial<OrgSettings> | null = null,
): Rebased {
  const before = toForm(from);
  const after = toForm(to);
  let next = form;
  const collisions: OrgSettingKey[] = [];
  for (const key of settingKeys) {
    const mine = fieldValue(form, key);
    if (mine === fieldValue(before, key)) next = withField(next, after, key);
    else if (from[key] !== to[key] && mine !== fieldValue(after, key) && sent?.[key] !== to[key]) collisions.push(key);
  }
  return { form: next, collisions };
}

/**
 * Settings a refused save touched that someone else changed meanwhile to another value. None:
 * the save can be laid onto the current settings as it is.
 */
export function conflictingKeys(mine: Partial<OrgSettings>, base: OrgSettings, now: OrgSettings): OrgSettingKey[] {
  return (Object.keys(mine) as OrgSettingKey[]).filter((key) => now[key] !== base[key] && now[key] !== mine[key]);
}

/** Who made `next`, when it is one change after `base` (past that, several people may have). */
export function changedByName(base: OrgSettingsResponse, next: OrgSettingsResponse): string | null {
  return next.version === base.version + 1 ? (next.changedBy?.name ?? null) : null;
}
