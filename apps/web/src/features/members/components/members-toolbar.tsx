import { orgRoleLabel, OrgRoleSchema, type OrgRole } from '@roster/contracts';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import type { MembersListParams } from '../api/members-keys.ts';
import { MembersSearch } from './members-search.tsx';

type RoleFilter = OrgRole | 'ALL';

const roleFilterOptions: SelectOption<RoleFilter>[] = [
  { value: 'ALL', label: 'All roles' },
  ...OrgRoleSchema.options.map((role) => ({ value: role, label: orgRoleLabel[role] })),
];

interface ToolbarProps {
  params: MembersListParams;
  onChange: (patch: Partial<MembersListParams>) => void;
  /** Undefined until the first page arrives. */
  total: number | undefined;
}

export function MembersToolbar({ params, onChange, total }: ToolbarProps) {
  const filtered = Boolean(params.q || params.role);
  return (
    <div className="members-toolbar">
      <MembersSearch value={params.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />
      <Select
        aria-label="Filter by role"
        className="members-toolbar__role"
        value={params.role ?? 'ALL'}
        options={roleFilterOptions}
        onValueChange={(role) => onChange({ role: role === 'ALL' ? undefined : role })}
      />
      <p className="members-toolbar__count" aria-live="polite">
        {total === undefined ? '' : countLabel(total, filtered)}
      </p>
    </div>
  );
}

function countLabel(total: number, filtered: boolean): string {
  const noun = total === 1 ? 'member' : 'members';
  if (!filtered) return `${total} ${noun}`;
  return `${total} ${noun} ${total === 1 ? 'matches' : 'match'}`;
}
