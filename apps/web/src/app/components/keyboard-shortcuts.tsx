import { useEffect, useState } from 'react';
import { Modal } from '../../components/ui/modal.tsx';
import { findPageSearch, shortcutFor, shortcuts } from '../../lib/keyboard-shortcuts.ts';
import './keyboard-shortcuts.css';

/** The page-wide shortcuts (`/` search, `?` this list) and the dialog that lists every shortcut. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (shortcut?.action === 'focus-search') {
        const search = findPageSearch();
        if (!search) return;
        // The `/` would otherwise land in the box it just focused.
        event.preventDefault();
        search.focus();
      } else if (shortcut?.action === 'show-shortcuts') {
        event.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <Modal open={open} onOpenChange={setOpen} title="Keyboard shortcuts">
      <dl className="shortcut-list">
        {shortcuts.map((s) => (
          <div key={s.description} className="shortcut-list__row">
            <dt>
              <kbd className="shortcut-list__key">{s.keys}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
