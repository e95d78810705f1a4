import { Icon } from '../../../components/ui/icon.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import type { AuditFilterParams } from '../hooks/use-audit-search-params.ts';
import { SearchField } from '../../../components/ui/search-field.tsx';

/** Radix Select needs a non-empty value for "everything". */
const ALL = 'all';

/** The kinds of change people look for, as the API's type prefixes. */
const ACTION_OPTIONS: SelectOption<string>[] = [
  { value: ALL, label: 'All actions' },
  { value: 'member.*', label: 'Members' },
  // A revert of a role change is a role change too.
  { value: 'member.role_changed,member.role_changed.reverted', label: 'Role changes' },
  { value: 'invitation.*,invite_request.*', label: 'Invitations' },
  { value: 'workspace.*', label: 'Workspaces' },
  { value: 'settings.*', label: 'Settings' },
  { value: 'org.*,domain.*', label: 'Organization' },
];

interface FilterBarProps {
  filters: AuditFilterParams;
  /** The name of the person `filters.member` names, once an entry has told it. */
  memberName?: string | undefined;
  onChange: (patch: Partial<AuditFilterParams>) => void;
}

/** What to narrow the log to: one person's history, a kind of action, free text, and a range of days. */
export function AuditFilterBar({ filters, memberName, onChange }: FilterBarProps) {
  const action = filters.action ?? ALL;
  // A shared link may name types no option stands for: they stay selected, shown as written.
  const options = ACTION_OPTIONS.some((o) => o.value === action)
    ? ACTION_OPTIONS
    : [...ACTION_OPTIONS, { value: action, label: action }];
  return (
    <div className="audit-filter-bar" role="search" aria-label="Filter the audit log">
      {filters.member && (
        <span className="audit-filter-bar__member">
          <span>
            By or about <strong>{memberName ?? 'one member'}</strong>
          </span>
          <button
            type="button"
            className="icon-button icon-button--sm"
            aria-label="Show everyone’s entries"
            onClick={() => onChange({ member: undefined })}
          >
            <Icon name="x" size={14} />
          </button>
        </span>
      )}
      <SearchField
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q })}
        label="Search the audit log"
        placeholder="Search names and emails"
        className="audit-search"
      />
      <Select
        aria-label="Action"
        className="audit-filter-bar__action"
        value={action}
        options={options}
        onValueChange={(value) => onChange({ action: value === ALL ? undefined : value })}
      />
      <label className="audit-filter-bar__date">
        <span>From</span>
        <input
          type="date"
          className="input"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <label className="audit-filter-bar__date">
        <span>To</span>
        <input
          type="date"
          className="input"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </label>
    </div>
  );
}
