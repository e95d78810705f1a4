import { useState } from 'react';
import type { OrgSettingKey, OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { conflictSettings, useUpdateSettings } from '../api/use-update-settings.ts';
import { settingsErrorCopy } from '../utils/settings-error-copy.ts';
import { absorb, startDraft } from '../utils/settings-draft.ts';
import { toForm, type SettingsForm } from '../utils/settings-fields.ts';
import { changedByName, conflictingKeys, withField } from '../utils/settings-merge.ts';
import { describeChanges, settingKeys } from '../utils/settings-values.ts';

/** What another admin changed that a save was laid onto, for the toast that says so. */
interface Merged {
  by: string | null;
  lines: string[];
}

/**
 * The settings page's draft and its save. Live changes flow into settings the person has not
 * touched. A save sends only the changed fields; refused because someone saved meanwhile, it is
 * sent again on top of theirs when they changed other settings (once, without asking, as a
 * shared document would), and kept in the form beside their value when they changed the same.
 */
export function useSettingsDraft(orgId: string, orgName: string, current: OrgSettingsResponse) {
  const [draft, setDraft] = useState(() => startDraft(current));
  const update = useUpdateSettings(orgId);
  // Newer settings from the cache (a live event, a conflict's details): taken in during render.
  if (current.version > draft.base.version) setDraft(absorb(draft, current));

  const send = (changes: Partial<OrgSettings>, base: OrgSettingsResponse, merged: Merged | null) => {
    setDraft((d) => ({ ...d, sent: changes }));
    update.mutate(
      { ...changes, version: base.version },
      {
        onSuccess: (saved) => {
          setDraft((d) => ({ ...absorb(d, saved), sent: null }));
          const also = merged && `Merged with ${merged.by ?? 'another admin'}’s change: ${merged.lines.join('; ')}.`;
          toast({
            tone: 'success',
            title: 'Settings saved',
            description: also ?? `They apply to ${orgName} right away.`,
          });
        },
        onError: (error) => {
          const now = conflictSettings(error);
          if (now && !merged && conflictingKeys(changes, base.settings, now.settings).length === 0) {
            setDraft((d) => absorb(d, now));
            const others = settingKeys.filter((key) => !(key in changes));
            return send(changes, now, {
              by: changedByName(base, now),
              lines: describeChanges(base.settings, now.settings, others),
            });
          }
          setDraft((d) => ({ ...(now ? absorb(d, now) : d), sent: null }));
          // A collision explains itself beside the field; anything else is a toast.
          if (!now || merged) toast({ tone: 'error', ...settingsErrorCopy(error, 'save', orgName) });
        },
      },
    );
  };

  return {
    draft,
    pending: update.isPending,
    save: (changes: Partial<OrgSettings>) => send(changes, draft.base, null),
    setForm: (change: (form: SettingsForm) => SettingsForm) => setDraft((d) => ({ ...d, form: change(d.form) })),
    /** Takes the other admin's value for one setting (the base already holds it). */
    takeTheirs: (key: OrgSettingKey) =>
      setDraft((d) => ({ ...d, form: withField(d.form, toForm(d.base.settings), key) })),
    discard: () => setDraft((d) => ({ ...d, form: toForm(d.base.settings) })),
  };
}
