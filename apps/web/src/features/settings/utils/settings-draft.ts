import type { OrgSettingKey, OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { toForm, type SettingsForm } from './settings-fields.ts';
import { changedByName, editedKeys, isEdited, rebaseForm, type TheirChange } from './settings-merge.ts';
import { settingText } from './settings-values.ts';

/**
 * The settings page's working copy: the person's edits on top of `base`, the newest settings the
 * page has taken in. `theirs` holds another admin's value for settings both changed.
 */
export interface SettingsDraft {
  base: OrgSettingsResponse;
  form: SettingsForm;
  theirs: Partial<Record<OrgSettingKey, TheirChange>>;
  /** The fields of a save in flight, so its own echo is not taken for someone else's change. */
  sent: Partial<OrgSettings> | null;
}

export function startDraft(current: OrgSettingsResponse): SettingsDraft {
  return { base: current, form: toForm(current.settings), theirs: {}, sent: null };
}

/**
 * Takes in newer settings (a live change, a refused save's current values, a saved answer):
 * untouched settings follow them, edited ones stay, and a collision records the other value.
 */
export function absorb(draft: SettingsDraft, next: OrgSettingsResponse): SettingsDraft {
  if (next.version <= draft.base.version) return draft;
  const { form, collisions } = rebaseForm(draft.form, draft.base.settings, next.settings, draft.sent);
  const by = changedByName(draft.base, next);
  const theirs: SettingsDraft['theirs'] = {};
  for (const key of editedKeys(form, next.settings)) {
    const kept = draft.theirs[key];
    if (collisions.includes(key)) theirs[key] = { text: settingText(key, next.settings[key]), by };
    else if (kept) theirs[key] = kept;
  }
  return { ...draft, base: next, form, theirs };
}

/** The other admins' values to show: only beside settings the person is still changing. */
export function visibleTheirs(draft: SettingsDraft): SettingsDraft['theirs'] {
  return Object.fromEntries(
    Object.entries(draft.theirs).filter(([key]) => isEdited(draft.form, draft.base.settings, key as OrgSettingKey)),
  );
}
