import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InvitationGrantInput, OrgRole } from '@roster/contracts';
import { Drawer } from '../../../components/ui/drawer.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateInvitations } from '../api/use-create-invitations.ts';
import { workspaceOptionsQueryOptions } from '../api/workspaces-options-query.ts';
import { invitationErrorCopy } from '../utils/invitation-error-copy.ts';
import type { InviteAccess } from '../utils/invite-permission.ts';
import type { EmailChip } from '../utils/parse-emails.ts';
import { CsvImport, type LoadedCsv } from './csv-import.tsx';
import { EmailChipsInput } from './email-chips-input.tsx';
import { GrantsEditor } from './grants-editor.tsx';
import { InviteResults, type AddressResult } from './invite-results.tsx';
import { checkMemberRows, groupIntoBatches, type InvitationBatch } from './validate-members-csv.ts';
import './invitations.css';

interface AddMembersDrawerProps {
  orgId: string;
  orgName: string;
  access: Exclude<InviteAccess, null>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Source = 'type' | 'csv';

function roleOptions(access: AddMembersDrawerProps['access'], lite: boolean): SelectOption<OrgRole>[] {
  const adminHint = access === 'request' ? 'Only admins can invite admins' : lite ? 'Not with lite access' : undefined;
  return [
    {
      value: 'ADMIN',
      label: 'Admin',
      hint: adminHint ?? 'Manages members and every workspace',
      disabled: adminHint !== undefined,
    },
    { value: 'MEMBER', label: 'Member', hint: 'Works in the workspaces they are given' },
    { value: 'EXTERNAL', label: 'External', hint: 'Guest in shared workspaces only' },
  ];
}

const newKey = () => crypto.randomUUID();

/**
 * "Add members": addresses typed, pasted or from a CSV, one org role, lite, workspace grants.
 * Each submit attempt carries an Idempotency-Key, reused when the same attempt is retried, and
 * the answer is shown address by address.
 */
export function AddMembersDrawer({ orgId, orgName, access, open, onOpenChange }: AddMembersDrawerProps) {
  const [source, setSource] = useState<Source>('type');
  const [chips, setChips] = useState<EmailChip[]>([]);
  const [csv, setCsv] = useState<LoadedCsv | null>(null);
  const [role, setRole] = useState<OrgRole>('MEMBER');
  const [lite, setLite] = useState(false);
  const [grants, setGrants] = useState<InvitationGrantInput[]>([]);
  const [results, setResults] = useState<AddressResult[] | null>(null);
  /** The first refusal of the last submit (its addresses were not sent). */
  const [refusal, setRefusal] = useState<unknown>(null);
  /** A submit runs one request per batch: busy from the first to the last, not only during each. */
  const [sending, setSending] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const workspaces = useQuery({ ...workspaceOptionsQueryOptions(orgId), enabled: open });
  const create = useCreateInvitations(orgId);

  // Any edit makes the next submit a new attempt with a new key.
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      attemptKey.current = null;
      create.reset();
      setRefusal(null);
      set(value);
    };
  const reset = () => {
    setChips([]);
    setCsv(null);
    setResults(null);
    setRefusal(null);
    attemptKey.current = null;
    create.reset();
  };
  const setLiteAndClamp = (next: boolean) => {
    setLite(next);
    if (next) {
      if (role === 'ADMIN') setRole('MEMBER');
      setGrants((g) => g.map((grant) => ({ ...grant, role: 'VIEWER' })));
    }
  };

  const csvRows = csv && 'rows' in csv.parsed ? csv.parsed.rows : null;
  const checkedRows = useMemo(
    () =>
      csvRows
        ? checkMemberRows(csvRows, {
            workspaces: workspaces.data ?? null,
            defaultRole: role,
            defaultGrants: grants,
            lite,
            mayInviteAdmins: access !== 'request',
          })
        : [],
    [csvRows, workspaces.data, role, grants, lite, access],
  );
  // One request carries one role and one set of grants: CSV rows are grouped by them.
  const pending: InvitationBatch[] =
    source === 'type'
      ? chips.length
        ? [{ role, grants, emails: chips.map((c) => c.email) }]
        : []
      : groupIntoBatches(checkedRows);
  const count = pending.reduce((n, b) => n + b.emails.length, 0);
  const workspaceNames = (workspaces.data ?? []).map((w) => w.name);
  const busy = sending || create.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (count === 0 || busy) return;
    setSending(true);
    attemptKey.current ??= newKey();
    const key = attemptKey.current;
    const collected: AddressResult[] = [];
    let firstRefusal: unknown = null;
    // Every batch is tried; a refused one (seats, rights) is reported with the rest, not sent.
    for (const [index, batch] of pending.entries()) {
      try {
        const answer = await create.mutateAsync({
          idempotencyKey: pending.length > 1 ? `${key}:${index}` : key,
          body: { emails: batch.emails, role: batch.role, lite, workspaces: batch.grants },
        });
        collected.push(...answer.results.map((r) => ({ email: r.email, status: r.status })));
      } catch (error) {
        firstRefusal ??= error;
        collected.push(...batch.emails.map((email) => ({ email, status: 'not_sent' as const })));
      }
    }
    setSending(false);
    setRefusal(firstRefusal);
    // Nothing went through: the refusal shows above the form, which stays as it was.
    if (collected.every((r) => r.status === 'not_sent')) return;
    setResults(collected);
  };

  const error = refusal ? invitationErrorCopy(refusal, 'invite') : null;
  const verb = access === 'request' ? 'Request' : 'Invite';
  const footer = results ? (
    <>
      <button type="button" className="button button--secondary" onClick={reset}>
        Add more people
      </button>
      <button type="button" className="button button--primary" onClick={() => onOpenChange(false)}>
        Done
      </button>
    </>
  ) : (
    <>
      <button type="button" className="button button--secondary" onClick={() => onOpenChange(false)}>
        Cancel
      </button>
      <button
        type="submit"
        form="add-members-form"
        className="button button--primary"
        disabled={count === 0 || busy}
        aria-busy={busy || undefined}
      >
        <Icon name="send" />
        {busy ? 'Sending…' : count === 0 ? verb : `${verb} ${count} ${count === 1 ? 'person' : 'people'}`}
      </button>
    </>
  );

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next && results) reset();
      }}
      title="Add members"
      description={
        access === 'request'
          ? `Your invitations to ${orgName} go to its admins for approval first.`
          : `Invite people to ${orgName}. Each address gets its own link by email.`
      }
      footer={footer}
    >
      {error && (
        <div className={`form-alert ${isApiError(refusal, 'LIMIT_EXCEEDED') ? 'form-alert--seats' : ''}`} role="alert">
          <strong>{error.title}</strong>
          <span>{error.description}</span>
        </div>
      )}
      {results ? (
        <>
          <InviteResults results={results} hideList={source === 'csv'} />
          {source === 'csv' && csv && (
            <CsvImport
              file={csv}
              rows={checkedRows}
              onLoaded={() => {}}
              onClear={() => {}}
              workspaceNames={workspaceNames}
              results={results}
            />
          )}
        </>
      ) : (
        <form id="add-members-form" className="add-members" onSubmit={(e) => void submit(e)} noValidate>
          <div className="segmented" role="tablist" aria-label="How to add people">
            {(['type', 'csv'] as const).map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                aria-selected={source === s}
                className="segmented__item"
                onClick={() => edited(setSource)(s)}
              >
                {s === 'type' ? 'Type or paste' : 'Upload CSV'}
              </button>
            ))}
          </div>
          {source === 'type' ? (
            <EmailChipsInput chips={chips} onChange={edited(setChips)} disabled={busy} />
          ) : (
            <CsvImport
              file={csv}
              rows={checkedRows}
              onLoaded={edited(setCsv)}
              onClear={() => edited(setCsv)(null)}
              workspaceNames={workspaceNames}
              results={null}
              disabled={busy}
            />
          )}
          <div className="add-members__terms">
            <div className="field">
              <span className="field__label" id="invite-role-label">
                {source === 'csv' ? 'Role (for rows without one)' : 'Role in the organization'}
              </span>
              <Select
                aria-label="Organization role"
                value={role}
                options={roleOptions(access, lite)}
                onValueChange={edited(setRole)}
                disabled={busy}
              />
            </div>
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={lite}
                onChange={(e) => edited(setLiteAndClamp)(e.target.checked)}
                disabled={busy}
              />
              <span>
                <span className="checkbox-field__label">Lite access</span>
                <span className="checkbox-field__hint">
                  Sees only the workspaces given below, as a viewer; no usage or cost data.
                </span>
              </span>
            </label>
          </div>
          {workspaces.isError ? (
            <p className="field__hint field__hint--error">Workspaces could not be loaded; you can add them later.</p>
          ) : (
            <GrantsEditor
              workspaces={workspaces.data ?? []}
              grants={grants}
              onChange={edited(setGrants)}
              lite={lite}
              disabled={busy}
            />
          )}
        </form>
      )}
    </Drawer>
  );
}
