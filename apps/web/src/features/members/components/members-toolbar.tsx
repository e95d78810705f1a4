import { orgRoleLabel, OrgRoleSchema, type OrgRole } from '@roster/contracts';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import type { MembersListParams } from '../api/members-keys.ts';
import { SearchField } from '../../../components/ui/search-field.tsx';
import { totalCopy } from '../utils/total-copy.ts';

type RoleFilter = OrgRole | 'ALL';
type TwoFactorFilter = 'on' | 'off' | 'ALL';

const twoFactorFilterOptions: SelectOption<TwoFactorFilter>[] = [
  { value: 'ALL', label: 'Any 2FA' },
  { value: 'on', label: '2FA on' },
  { value: 'off', label: '2FA off' },
];

const roleFilterOptions: SelectOption<RoleFilter>[] = [
  { value: 'ALL', label: 'All roles' },
  ...OrgRoleSchema.options.map((role) => ({ value: role, label: orgRoleLabel[role] })),
];

interface ToolbarProps {
  params: MembersListParams;
  onChange: (patch: Partial<MembersListParams>) => void;
  /** Undefined until the first page arrives. */
  total: number | undefined;
  /** The server stopped counting at its cap: the count reads "1,000+". */
  totalIsCapped?: boolean;
}

export function MembersToolbar({ params, onChange, total, totalIsCapped }: ToolbarProps) {
  const filtered = Boolean(params.q || params.role || params.twoFactor);
  return (
    <div className="members-toolbar">
      <SearchField
        value={params.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        label="Search members"
        placeholder="Search by name or email"
      />
      <Select
        aria-label="Filter by role"
        className="members-toolbar__role"
        value={params.role ?? 'ALL'}
        options={roleFilterOptions}
        onValueChange={(role) => onChange({ role: role === 'ALL' ? undefined : role })}
      />
      <Select
        aria-label="Filter by two-factor sign-in"
        className="members-toolbar__role"
        value={params.twoFactor ?? 'ALL'}
        options={twoFactorFilterOptions}
        onValueChange={(value) => onChange({ twoFactor: value === 'ALL' ? undefined : value })}
      />
      <p className="members-toolbar__count" aria-live="polite">
        {total === undefined ? '' : countLabel(total, filtered, totalIsCapped)}
      </p>
    </div>
  );
}

function countLabel(total: number, filtered: boolean, capped: boolean | undefined): string {
  const one = total === 1 && !capped;
  const noun = one ? 'member' : 'members';
  const count = totalCopy(total, capped);
  if (!filtered) return `${count} ${noun}`;
  return `${count} ${noun} ${one ? 'matches' : 'match'}`;
}
