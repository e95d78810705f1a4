import type { Member } from '@roster/contracts';
import { Menu, MenuItem, MenuSeparator } from '../../../components/ui/dropdown-menu.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useAccessDialogStore } from '../stores/access-dialog-store.ts';
import { useRemoveDialogStore } from '../stores/remove-dialog-store.ts';

/** The row's menu; removing opens the confirmation, which names the person and the consequences. */
export function RowActions({ member, isYou }: { member: Member; isYou: boolean }) {
  const openRemove = useRemoveDialogStore((s) => s.open);
  const openAccess = useAccessDialogStore((s) => s.open);
  return (
    <Menu
      trigger={
        <button type="button" className="icon-button" aria-label={`Actions for ${member.name}`}>
          <Icon name="more" />
        </button>
      }
    >
      <MenuItem icon={<Icon name="eye" />} onSelect={() => openAccess(member)}>
        View access…
      </MenuItem>
      <MenuSeparator />
      <MenuItem
        tone="danger"
        icon={<Icon name="userMinus" />}
        disabled={isYou}
        hint={isYou ? 'You can’t remove yourself' : undefined}
        onSelect={() => openRemove(member)}
      >
        Remove from organization…
      </MenuItem>
    </Menu>
  );
}
