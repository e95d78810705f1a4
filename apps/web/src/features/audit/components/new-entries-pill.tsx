import { Icon } from '../../../components/ui/icon.tsx';
import { NEW_ENTRIES_LOOKAHEAD } from '../hooks/use-audit-live-tail.ts';
import './audit-entry.css';

/** Floats over the list while the reader is further down: one click takes them to what is new. */
export function NewEntriesPill({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  const amount = count >= NEW_ENTRIES_LOOKAHEAD ? `${NEW_ENTRIES_LOOKAHEAD}+` : String(count);
  return (
    <button type="button" className="audit-new-pill" onClick={onShow}>
      <Icon name="arrowUp" size={14} /> {amount} new {count === 1 ? 'entry' : 'entries'}
    </button>
  );
}
