import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { orgRoleLabel, type Me, type MyOrg } from '@roster/contracts';
import { Menu, MenuItem, MenuLabel, MenuSeparator } from '../../components/ui/dropdown-menu.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { rememberLastOrg } from '../../features/orgs/utils/last-org.ts';
import { orgPath } from '../../lib/org-paths.ts';

// Fetched on first use: every signed-in page shows the switcher, few people create an org.
const CreateOrgDialog = lazy(async () => ({
  default: (await import('../../features/orgs/components/create-org-dialog.tsx')).CreateOrgDialog,
}));
// Fetched when the menu first opens, for the same reason.
const SwitcherJoinItems = lazy(async () => ({
  default: (await import('./switcher-join-items.tsx')).SwitcherJoinItems,
}));

/**
 * The current org's name, opening a menu of your orgs (your role in each), those your verified
 * address lets you join, and "Create organization".
 */
export function OrgSwitcher({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [createAsked, setCreateAsked] = useState(false);
  const current = me.organizations.find((o) => o.id === currentOrgId);
  // With no org at all, the welcome page offers both ways in.
  if (me.organizations.length === 0) return null;
  return (
    <>
      <Menu
        align="start"
        trigger={
          <button
            type="button"
            className="org-switcher org-switcher--button"
            aria-label={`Organization: ${current?.name ?? 'none'}. Switch organization`}
          >
            <span className="org-switcher__name">{current?.name ?? 'Choose an organization'}</span>
            <Icon name="chevronsUpDown" size={14} />
          </button>
        }
      >
        <MenuLabel>Organizations</MenuLabel>
        {me.organizations.map((org) => (
          <MenuItem
            key={org.id}
            onSelect={() => {
              rememberLastOrg(org.id);
              void navigate(orgPath(org.slug, 'members'));
            }}
            // Only its creator still sees a deleted org here, until they restore it or it is purged.
            hint={org.status === 'pending_deletion' ? 'Deleted' : withPending(orgRoleLabel[org.role], org.pending)}
            current={org.id === currentOrgId}
            icon={org.id === currentOrgId ? <Icon name="check" /> : <span className="menu-item__spacer" />}
          >
            {org.name}
          </MenuItem>
        ))}
        <Suspense fallback={null}>
          <SwitcherJoinItems />
        </Suspense>
        <MenuSeparator />
        <MenuItem
          onSelect={() => {
            setCreateAsked(true);
            setCreating(true);
          }}
          icon={<Icon name="plus" />}
        >
          Create organization
        </MenuItem>
      </Menu>
      {createAsked && (
        <Suspense>
          <CreateOrgDialog open={creating} onOpenChange={setCreating} />
        </Suspense>
      )}
    </>
  );
}

/** "Admin · 3 invited · 1 request": what waits in an org, for its admins. */
function withPending(role: string, pending: MyOrg['pending']): string {
  if (!pending) return role;
  const parts = [role];
  if (pending.invitations > 0) parts.push(`${pending.invitations} invited`);
  if (pending.requests > 0) parts.push(`${pending.requests} ${pending.requests === 1 ? 'request' : 'requests'}`);
  return parts.join(' · ');
}
