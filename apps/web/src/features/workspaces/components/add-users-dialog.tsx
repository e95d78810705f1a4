import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  PEOPLE_SEARCH_MIN_QUERY,
  WorkspaceRoleSchema,
  workspaceRoleLabel,
  type OrgPerson,
  type Workspace,
  type WorkspaceRole,
} from '@roster/contracts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { SearchBox } from '../../../components/ui/search-field.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { orgPeopleQueryOptions } from '../api/org-people-query.ts';
import { useAddWorkspaceMembers } from '../api/use-add-workspace-members.ts';
import { useInviteToWorkspace } from '../api/use-invite-to-workspace.ts';
import { workspaceErrorCopy } from '../utils/workspace-error-copy.ts';

interface AddUsersDialogProps {
  orgId: string;
  orgName: string;
  workspace: Workspace;
  /** Already in the workspace: shown, not selectable. */
  memberIds: ReadonlySet<string>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Outcome = { tone: 'success' | 'danger'; title: string; description: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const roleOptions = WorkspaceRoleSchema.options.map((r) => ({ value: r, label: workspaceRoleLabel[r] }));

function useDebounced(value: string, ms = 250) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Only people already in the org appear and join at once (R13); an address of someone outside
 * it becomes an invitation that carries this workspace, and the dialog says so.
 */
export function AddUsersDialog({ orgId, orgName, workspace, memberIds, open, onOpenChange }: AddUsersDialogProps) {
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Map<string, OrgPerson>>(new Map());
  const [role, setRole] = useState<WorkspaceRole>('MEMBER');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const q = useDebounced(text.trim());
  const people = useQuery(orgPeopleQueryOptions(orgId, workspace.id, q));
  const add = useAddWorkspaceMembers(orgId, workspace.id);
  const invite = useInviteToWorkspace(orgId, workspace.id);
  const busy = add.isPending || invite.isPending;
  const searching = q.length >= PEOPLE_SEARCH_MIN_QUERY;
  const results = searching ? (people.data?.items ?? []) : [];
  const email = text.trim().toLowerCase();
  const offerInvite =
    EMAIL.test(email) &&
    q === text.trim() &&
    !people.isFetching &&
    !results.some((m) => m.email.toLowerCase() === email);

  const reset = () => {
    setText('');
    setSelected(new Map());
    setRole('MEMBER');
    setOutcome(null);
  };
  const close = (next: boolean) => {
    if (busy) return;
    onOpenChange(next);
    if (!next) reset();
  };
  const toggle = (m: OrgPerson) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(m.userId)) next.delete(m.userId);
      else next.set(m.userId, m);
      return next;
    });

  const onAdd = () => {
    const chosen = [...selected.values()];
    setOutcome(null);
    add.mutate(
      { userIds: chosen.map((m) => m.userId), role },
      {
        onSuccess: () => {
          const names = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} people`;
          setOutcome({
            tone: 'success',
            title: `${names} added to ${workspace.name}`,
            description: `They have access now, as ${workspaceRoleLabel[role].toLowerCase()}.`,
          });
          setSelected(new Map());
          setText('');
        },
        onError: (error) => {
          const who = chosen.length === 1 ? chosen[0]!.name : 'One of them';
          setOutcome({ tone: 'danger', ...workspaceErrorCopy(error, 'add', who, workspace.name) });
        },
      },
    );
  };
  const onInvite = () => {
    setOutcome(null);
    invite.mutate(
      { email, role },
      {
        onSuccess: ({ results: [result] }) => {
          const status = result?.status;
          if (status === 'invited' || status === 'requested') {
            setOutcome({
              tone: 'success',
              title: status === 'invited' ? `Invitation sent to ${email}` : `Invitation requested for ${email}`,
              description:
                status === 'invited'
                  ? `${email} is not in ${orgName} yet. When they accept, they join ${orgName} and ${workspace.name} as ${workspaceRoleLabel[role].toLowerCase()}.`
                  : `An admin of ${orgName} must approve it before it is sent.`,
            });
            setText('');
            return;
          }
          setOutcome({
            tone: 'danger',
            title: `${email} was not invited`,
            description:
              status === 'duplicate'
                ? `${email} already has a live invitation to ${orgName}.`
                : status === 'already_member'
                  ? `${email} is already in ${orgName}; search for them by name.`
                  : `${email} is not a valid address.`,
          });
        },
        onError: (error) =>
          setOutcome({ tone: 'danger', ...workspaceErrorCopy(error, 'invite', email, workspace.name) }),
      },
    );
  };

  return (
    <Modal
      open={open}
      onOpenChange={close}
      size="lg"
      title={`Add users to ${workspace.name}`}
      description={`Search people of ${orgName} by name or email. Someone outside ${orgName}? Type their email to invite them.`}
      actions={
        <>
          <span className="add-users__role">
            <span className="muted">Add as</span>
            <Select aria-label="Workspace role" value={role} options={roleOptions} onValueChange={setRole} />
          </span>
          <button type="button" className="button button--secondary" onClick={() => close(false)}>
            Done
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={selected.size === 0 || busy}
            onClick={onAdd}
          >
            {add.isPending
              ? 'Adding…'
              : selected.size > 0
                ? `Add ${selected.size} ${selected.size === 1 ? 'person' : 'people'}`
                : 'Add'}
          </button>
        </>
      }
    >
      <SearchBox
        className="add-users__search"
        aria-label="Search people"
        placeholder="Name or email"
        value={text}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
        autoFocus
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {outcome && (
        <Notice tone={outcome.tone} title={outcome.title} className="add-users__outcome" role="status">
          {outcome.description}
        </Notice>
      )}
      {selected.size > 0 && (
        <ul className="add-users__chips" aria-label="Selected people">
          {[...selected.values()].map((m) => (
            <li key={m.userId} className="add-users__chip">
              {m.name}
              <button
                type="button"
                className="icon-button icon-button--sm"
                aria-label={`Unselect ${m.name}`}
                onClick={() => toggle(m)}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-users__results" aria-busy={people.isFetching || undefined}>
        {!searching ? (
          <p className="add-users__empty">Type at least two characters of a name or an email address.</p>
        ) : people.isPending ? (
          <p className="add-users__empty">
            <Spinner /> Searching…
          </p>
        ) : (
          <ul className="add-users__list" aria-label="People found">
            {results.map((m) => {
              const inWorkspace = memberIds.has(m.userId);
              return (
                <li key={m.userId}>
                  <label className="add-users__person" data-disabled={inWorkspace || undefined}>
                    <input
                      type="checkbox"
                      className="checkbox"
                      checked={inWorkspace || selected.has(m.userId)}
                      disabled={inWorkspace}
                      onChange={() => toggle(m)}
                      aria-label={`Select ${m.name}`}
                    />
                    <Avatar name={m.name} seed={m.userId} size={28} />
                    <span className="add-users__who">
                      <span className="truncate">{m.name}</span>
                      <span className="muted truncate">{m.email}</span>
                    </span>
                    {inWorkspace && <span className="muted add-users__note">Already in {workspace.name}</span>}
                  </label>
                </li>
              );
            })}
            {results.length === 0 && !offerInvite && (
              <li className="add-users__empty">
                No one in {orgName} matches “{q}”. Type a full email address to invite someone.
              </li>
            )}
          </ul>
        )}
        {offerInvite && (
          <div className="add-users__invite">
            <Icon name="mail" />
            <span className="add-users__who">
              <span>
                <strong>{email}</strong> is not in {orgName}
              </span>
              <span className="muted">
                They get an invitation that adds them to {workspace.name} as {workspaceRoleLabel[role].toLowerCase()}.
              </span>
            </span>
            <button type="button" className="button button--secondary" onClick={onInvite} disabled={busy}>
              {invite.isPending ? 'Sending…' : 'Send invitation'}
            </button>
          </div>
        )}
      </div>
    </Modal>
  );
}
