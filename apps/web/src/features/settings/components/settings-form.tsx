import { useState, type FormEvent } from 'react';
import type { OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { conflictSettings, useUpdateSettings } from '../api/use-update-settings.ts';
import {
  changedFields,
  describeChanges,
  fromForm,
  toForm,
  toggleCopy,
  toggles,
  type FieldErrors,
  type SettingsForm as Form,
} from '../utils/settings-fields.ts';
import { settingsErrorCopy } from '../utils/settings-error-copy.ts';
import { InvitePolicyField } from './invite-policy-field.tsx';
import { LimitField } from './limit-field.tsx';
import { SettingRow, SettingsSection } from './settings-section.tsx';

interface SettingsFormProps {
  orgId: string;
  orgName: string;
  current: OrgSettingsResponse;
}

/** What changed under the admin: shown after a refused save, until they save or dismiss it. */
interface Conflict {
  lines: string[];
}

/**
 * The form edits a draft read at `base.version`. While untouched it follows live changes; once
 * edited it keeps the admin's values, and a save carrying a stale version is refused: the
 * current values are loaded and what changed meanwhile is listed.
 */
export function SettingsForm({ orgId, orgName, current }: SettingsFormProps) {
  const [base, setBase] = useState(current);
  const [form, setForm] = useState(() => toForm(current.settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useUpdateSettings(orgId);
  const parsed = fromForm(form);
  const draft: OrgSettings | null = 'settings' in parsed ? parsed.settings : null;
  const dirty = draft ? Object.keys(changedFields(base.settings, draft)).length > 0 : true;

  // Untouched forms follow live changes (another admin saving); edited ones keep the draft.
  if (current.version !== base.version && !dirty) {
    setBase(current);
    setForm(toForm(current.settings));
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if ('errors' in parsed) return setErrors(parsed.errors);
    const changes = changedFields(base.settings, parsed.settings);
    update.mutate(
      { ...changes, version: base.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setForm(toForm(saved.settings));
          setConflict(null);
          toast({ tone: 'success', title: 'Settings saved', description: `They apply to ${orgName} right away.` });
        },
        onError: (error) => {
          const now = conflictSettings(error);
          if (now) {
            setConflict({ lines: describeChanges(base.settings, now.settings) });
            setBase(now);
            setForm(toForm(now.settings));
            return;
          }
          toast({ tone: 'error', ...settingsErrorCopy(error, 'save', orgName) });
        },
      },
    );
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      {conflict && (
        <div className="settings-conflict" role="alert">
          <Icon name="alert" className="settings-conflict__icon" />
          <div>
            <p className="settings-conflict__title">Someone else changed these settings while you were editing</p>
            <p>Your changes were not saved. The form now shows the current values{conflict.lines.length ? ':' : '.'}</p>
            {conflict.lines.length > 0 && (
              <ul>
                {conflict.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="icon-button icon-button--sm"
            aria-label="Dismiss"
            onClick={() => setConflict(null)}
          >
            <Icon name="x" />
          </button>
        </div>
      )}

      <SettingsSection title="Invitations" description="Who may bring new people in, and for how long a link works.">
        <div className="setting-row setting-row--stacked">
          <InvitePolicyField value={form.invitePolicy} onChange={(v) => set('invitePolicy', v)} />
        </div>
        <SettingRow
          id="ttl-on"
          label="Invitation links expire"
          description="After this many hours an unused link stops working; admins can renew it. Off: links never expire."
          error={errors.ttlHours}
          control={
            <LimitField
              id="ttl"
              label="Expire after"
              switchLabel={form.ttlNever ? 'Never' : 'After'}
              enabled={!form.ttlNever}
              onEnabledChange={(on) => set('ttlNever', !on)}
              value={form.ttlHours}
              onValueChange={(v) => set('ttlHours', v)}
              unit="hours"
              invalid={Boolean(errors.ttlHours)}
            />
          }
        />
      </SettingsSection>

      <SettingsSection
        title="Seats"
        description="Active members, pending invitations and requests all count toward a cap."
      >
        <SettingRow
          id="memberCap-on"
          label="Organization seat cap"
          description="Invitations, approvals and sign-ups past the cap are refused. Off: unlimited."
          error={errors.memberCap}
          control={
            <LimitField
              id="memberCap"
              label="Organization seat cap"
              switchLabel={form.memberCapOn ? 'Limit' : 'Unlimited'}
              enabled={form.memberCapOn}
              onEnabledChange={(on) => set('memberCapOn', on)}
              value={form.memberCap}
              onValueChange={(v) => set('memberCap', v)}
              unit="seats"
              invalid={Boolean(errors.memberCap)}
            />
          }
        />
        <SettingRow
          id="workspaceCap-on"
          label="Workspace seat cap"
          description="The most people one workspace may hold, owners included. Off: unlimited."
          error={errors.workspaceCap}
          control={
            <LimitField
              id="workspaceCap"
              label="Workspace seat cap"
              switchLabel={form.workspaceCapOn ? 'Limit' : 'Unlimited'}
              enabled={form.workspaceCapOn}
              onEnabledChange={(on) => set('workspaceCapOn', on)}
              value={form.workspaceCap}
              onValueChange={(v) => set('workspaceCap', v)}
              unit="seats"
              invalid={Boolean(errors.workspaceCap)}
            />
          }
        />
      </SettingsSection>

      <SettingsSection title="Members" description="What people may do about their own membership, and what they see.">
        {toggles.map((key) => (
          <SettingRow
            key={key}
            id={key}
            label={toggleCopy[key].label}
            description={toggleCopy[key].description}
            control={
              <Switch
                id={key}
                checked={form[key]}
                onCheckedChange={(on) => set(key, on)}
                aria-describedby={`${key}-hint`}
              />
            }
          />
        ))}
      </SettingsSection>

      <div className="settings-savebar" data-dirty={dirty || undefined}>
        <span className="settings-savebar__status" aria-live="polite">
          {dirty ? 'You have unsaved changes' : 'All changes saved'}
        </span>
        <button
          type="button"
          className="button button--ghost"
          disabled={!dirty || update.isPending}
          onClick={() => {
            setForm(toForm(base.settings));
            setErrors({});
          }}
        >
          Discard
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!dirty || update.isPending}
          aria-busy={update.isPending || undefined}
        >
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
