import { Icon } from '../../../components/ui/icon.tsx';
import type { SettingsDraft } from '../utils/settings-draft.ts';

/**
 * Said once, above the form, when another admin changed settings this admin is changing too;
 * each such setting shows their value beside it.
 */
export function SettingsConflictBanner({ theirs }: { theirs: SettingsDraft['theirs'] }) {
  const changes = Object.values(theirs);
  if (changes.length === 0) return null;
  const names = new Set(changes.map((c) => c.by));
  const who = names.size === 1 ? ([...names][0] ?? 'Another admin') : 'Other admins';
  const count = changes.length === 1 ? 'a setting' : `${changes.length} settings`;
  return (
    <div className="settings-conflict" role="alert">
      <Icon name="alert" className="settings-conflict__icon" />
      <div>
        <p className="settings-conflict__title">
          {who} changed {count} you are changing too
        </p>
        <p>
          Your values are kept in the form and their value is shown beside each. Save to replace theirs, or use theirs.
        </p>
      </div>
    </div>
  );
}
