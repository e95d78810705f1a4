import { useNavigate } from 'react-router';
import { orgRoleLabel, type Me } from '@roster/contracts';
import { Menu, MenuItem, MenuLabel } from '../../components/ui/dropdown-menu.tsx';
import { Icon } from '../../components/ui/icon.tsx';

/** The current org's name; a menu to switch only when there is somewhere to switch to. */
export function OrgSwitcher({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const navigate = useNavigate();
  const current = me.organizations.find((o) => o.id === currentOrgId);
  if (!current && me.organizations.length === 0) return null;
  const name = <span className="org-switcher__name">{current?.name ?? 'Choose an organization'}</span>;
  if (me.organizations.length < 2 && current) return <div className="org-switcher">{name}</div>;
  return (
    <Menu
      align="start"
      trigger={
        <button
          type="button"
          className="org-switcher org-switcher--button"
          aria-label={`Organization: ${current?.name ?? 'none'}. Switch organization`}
        >
          {name}
          <Icon name="chevronsUpDown" size={14} />
        </button>
      }
    >
      <MenuLabel>Organizations</MenuLabel>
      {me.organizations.map((org) => (
        <MenuItem
          key={org.id}
          onSelect={() => void navigate(`/orgs/${org.id}/members`)}
          hint={orgRoleLabel[org.role]}
          icon={org.id === currentOrgId ? <Icon name="check" /> : <span className="menu-item__spacer" />}
        >
          {org.name}
        </MenuItem>
      ))}
    </Menu>
  );
}
