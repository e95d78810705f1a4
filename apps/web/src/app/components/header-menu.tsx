import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Me } from '@roster/contracts';
import { Icon } from '../../components/ui/icon.tsx';
import { Menu, MenuItem, MenuLabel, MenuSeparator } from '../../components/ui/dropdown-menu.tsx';
import { devMailboxQueryOptions } from '../../features/invitee/api/dev-mailbox-query.ts';
import { orgPages } from './org-nav.tsx';
import { ThemeChoiceItems } from './theme-menu.tsx';

/**
 * The compact header's one menu: what the wide header shows in a row (the org's pages, the
 * theme, the dev mailbox) folded into a list a thumb can reach.
 */
export function HeaderMenu({ me, currentOrgId }: { me: Me; currentOrgId: string | undefined }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: mailbox } = useQuery(devMailboxQueryOptions());
  const org = me.organizations.find((o) => o.id === currentOrgId);
  const pages = org ? orgPages(org) : [];
  return (
    <Menu
      align="start"
      trigger={
        <button type="button" className="icon-button app-header__menu" aria-label="Menu">
          <Icon name="menu" />
        </button>
      }
    >
      {org && <MenuLabel>{org.name}</MenuLabel>}
      {pages.map((page) => (
        <MenuItem
          key={page.to}
          icon={<Icon name={page.icon} />}
          current={pathname.startsWith(page.to)}
          onSelect={() => void navigate(page.to)}
        >
          {page.label}
        </MenuItem>
      ))}
      {pages.length > 0 && <MenuSeparator />}
      <ThemeChoiceItems />
      <MenuSeparator />
      {mailbox && (
        <MenuItem icon={<Icon name="mail" />} onSelect={() => void navigate('/dev/mailbox')}>
          Dev mailbox
        </MenuItem>
      )}
      <MenuItem icon={<Icon name="settings" />} onSelect={() => void navigate('/account')}>
        Account settings
      </MenuItem>
    </Menu>
  );
}
