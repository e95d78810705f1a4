import type { OrgSettingKey, OrgSettings } from '@roster/contracts';

/** The requested settings whose value differs from the current one: what a change really changes. */
export function changedSettings(current: OrgSettings, requested: Partial<OrgSettings>): Partial<OrgSettings> {
  const keys = (Object.keys(requested) as OrgSettingKey[]).filter(
    (key) => requested[key] !== undefined && requested[key] !== current[key],
  );
  return Object.fromEntries(keys.map((key) => [key, requested[key]]));
}

/** The same keys as `like`, with their values in `settings` (an audit row's "before"). */
export function pickSettings(settings: OrgSettings, like: Partial<OrgSettings>): Partial<OrgSettings> {
  return Object.fromEntries((Object.keys(like) as OrgSettingKey[]).map((key) => [key, settings[key]]));
}
