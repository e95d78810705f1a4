import { useState, type FormEvent, type ReactNode } from 'react';
import type { OrgSettingKey, OrgSettingsResponse } from '@roster/contracts';
import { Switch } from '../../../components/ui/switch.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { useSettingsDraft } from '../hooks/use-settings-draft.ts';
import { visibleTheirs } from '../utils/settings-draft.ts';
import { ttlToOption } from '../utils/expiry-options.ts';
import { retentionOptions, retentionToOption } from '../utils/retention-options.ts';
import {
  fromForm,
  securityToggles,
  toggleCopy,
  toggles,
  type FieldErrors,
  type SettingsForm as Form,
  type Toggle,
} from '../utils/settings-fields.ts';
import { changedFields } from '../utils/settings-values.ts';
import { ExpiryField } from './expiry-field.tsx';
import { InvitePolicyField } from './invite-policy-field.tsx';
import { LimitField } from './limit-field.tsx';
import { SettingsConflictBanner } from './settings-conflict-banner.tsx';
import { SettingRow, SettingsSection } from './settings-section.tsx';
import { TheirChangeNote } from './their-change-note.tsx';
import { PresenceHint } from '../../../lib/presence/presence-hint.tsx';
import { useFocusedSetting } from '../hooks/use-focused-setting.ts';

interface SettingsFormProps {
  orgId: string;
  orgName: string;
  current: OrgSettingsResponse;
}

/**
 * The org's settings as a draft over the newest values the page knows. Settings the admin has not
 * touched follow other admins' changes live; a save sends only the changed ones (see
 * `useSettingsDraft` for how a save that crossed someone else's is merged).
 */
export function SettingsForm({ orgId, orgName, current }: SettingsFormProps) {
  const { draft, pending, save, setForm, takeTheirs, discard } = useSettingsDraft(orgId, orgName, current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { form, base } = draft;
  const parsed = fromForm(form);
  const changes = 'settings' in parsed ? changedFields(base.settings, parsed.settings) : null;
  const dirty = changes === null || Object.keys(changes).length > 0;
  const theirs = visibleTheirs(draft);
  const focusedSetting = useFocusedSetting();

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  /** Another admin's value beside a setting, when both changed it. */
  const note = (key: OrgSettingKey): ReactNode => {
    const change = theirs[key];
    return change && <TheirChangeNote id={`${key}-theirs`} change={change} onUseTheirs={() => takeTheirs(key)} />;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if ('errors' in parsed) return setErrors(parsed.errors);
    if (changes && Object.keys(changes).length > 0) save(changes);
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate {...focusedSetting}>
      <SettingsConflictBanner theirs={theirs} />

      <SettingsSection title="Invitations" description="Who may bring new people in, and for how long a link works.">
        <div className="setting-row setting-row--stacked" data-setting="invitePolicy">
          <InvitePolicyField value={form.invitePolicy} onChange={(v) => set('invitePolicy', v)} />
          <PresenceHint kind="setting" id="invitePolicy" labelled />
          {note('invitePolicy')}
        </div>
        <SettingRow
          id="ttl"
          plainLabel
          label="Invitation links expire"
          description="An unused link stops working after this long; admins can renew it."
          error={errors.ttl}
          control={
            <ExpiryField
              value={form.ttl}
              saved={ttlToOption(base.settings.inviteTtlHours)}
              onChange={(v) => set('ttl', v)}
            />
          }
        >
          {note('inviteTtlHours')}
        </SettingRow>
        <SettingRow
          id="maxPendingRequests"
          label="Pending requests per member"
          description="How many proposed invitations one member may have waiting for an admin at once. Past it, they wait for a decision first."
          error={errors.maxPendingRequests}
          control={
            <span className="limit-field__value">
              <input
                id="maxPendingRequests"
                className="input limit-field__input"
                inputMode="numeric"
                value={form.maxPendingRequests}
                onChange={(e) => set('maxPendingRequests', e.target.value)}
                aria-invalid={Boolean(errors.maxPendingRequests) || undefined}
                aria-describedby={errors.maxPendingRequests ? 'maxPendingRequests-error' : 'maxPendingRequests-hint'}
              />
              <span className="limit-field__unit">requests</span>
            </span>
          }
        >
          {note('maxPendingRequestsPerMember')}
        </SettingRow>
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
        >
          {note('memberCap')}
        </SettingRow>
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
        >
          {note('workspaceMemberCap')}
        </SettingRow>
      </SettingsSection>

      <SettingsSection title="Members" description="What people may do about their own membership, and what they see.">
        <ToggleRows keys={toggles} form={form} set={set} note={note} />
      </SettingsSection>

      <SettingsSection
        title="Security"
        description="How people must prove who they are before they see this organization."
      >
        <ToggleRows keys={securityToggles} form={form} set={set} note={note} />
      </SettingsSection>

      <SettingsSection title="Audit log" description="Every change is recorded with who made it and when.">
        <SettingRow
          id="auditRetention"
          plainLabel
          label="Keep entries for"
          description="Older entries are deleted within the hour, and the deletion itself is recorded. Forever keeps them all."
          control={
            <Select
              aria-label="Audit log keeps entries for"
              value={form.auditRetention}
              options={retentionOptions(retentionToOption(base.settings.auditRetentionDays), form.auditRetention)}
              onValueChange={(v) => set('auditRetention', v)}
            />
          }
        >
          {note('auditRetentionDays')}
        </SettingRow>
      </SettingsSection>

      <div className="settings-savebar" data-dirty={dirty || undefined}>
        <span className="settings-savebar__status" aria-live="polite">
          {dirty ? 'You have unsaved changes' : 'All changes saved'}
        </span>
        <button
          type="button"
          className="button button--ghost"
          disabled={!dirty || pending}
          onClick={() => {
            discard();
            setErrors({});
          }}
        >
          Discard
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!dirty || pending}
          aria-busy={pending || undefined}
        >
          {pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

/** One switch row per setting, labelled and explained from the copy table. */
function ToggleRows({
  keys,
  form,
  set,
  note,
}: {
  keys: Toggle[];
  form: Form;
  set: (key: Toggle, value: boolean) => void;
  note: (key: OrgSettingKey) => ReactNode;
}) {
  return keys.map((key) => (
    <SettingRow
      key={key}
      id={key}
      label={toggleCopy[key].label}
      description={toggleCopy[key].description}
      control={
        <Switch id={key} checked={form[key]} onCheckedChange={(on) => set(key, on)} aria-describedby={`${key}-hint`} />
      }
    >
      {note(key)}
    </SettingRow>
  ));
}
