import { useNavigate } from 'react-router';
import type { Me } from '@roster/contracts';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { Menu, MenuItem, MenuSeparator } from '../../components/ui/dropdown-menu.tsx';

/** The signed-in person: their account pages and signing out. Compact headers show the avatar only. */
export function AccountMenu({ me, onSignOut, signingOut }: { me: Me; onSignOut: () => void; signingOut: boolean }) {
  const navigate = useNavigate();
  return (
    <Menu
      trigger={
        // Named by its own text ("Account menu for" is for screen readers only), so what a voice
        // user reads out is in the name; compact headers hide the text visually, not from the name.
        <button type="button" className="app-header__user">
          <Avatar name={me.user.name} seed={me.user.id} size={28} />
          <span className="visually-hidden">Account menu for</span>{' '}
          <span className="app-header__who">
            <span className="app-header__name">{me.user.name}</span>{' '}
            <span className="app-header__email">{me.user.email}</span>
          </span>
          <Icon name="chevronDown" size={14} />
        </button>
      }
    >
      <MenuItem icon={<Icon name="settings" />} onSelect={() => void navigate('/account')}>
        Account settings
      </MenuItem>
      <MenuItem icon={<Icon name="lock" />} onSelect={() => void navigate('/account#two-factor')}>
        Two-factor sign-in
      </MenuItem>
      <MenuSeparator />
      <MenuItem icon={<Icon name="logOut" />} onSelect={onSignOut} disabled={signingOut}>
        Sign out
      </MenuItem>
    </Menu>
  );
}
