import { useEffect, useRef } from 'react';
import type { Member } from '@roster/contracts';
import { useBulkSelectionStore } from '../stores/bulk-selection-store.ts';

/** A row's checkbox; it reads only its own entry, so ticking one row repaints one row. */
export function BulkRowCheckbox({ member }: { member: Member }) {
  const checked = useBulkSelectionStore((s) => s.allMatching || member.userId in s.selected);
  const toggle = useBulkSelectionStore((s) => s.toggle);
  return (
    <input
      type="checkbox"
      className="checkbox"
      checked={checked}
      onChange={() => toggle(member)}
      aria-label={`Select ${member.name}`}
    />
  );
}

/** Selects every loaded row (mixed when some are); "all matching" is offered by the bulk bar. */
export function BulkHeaderCheckbox({ members }: { members: Member[] }) {
  const count = useBulkSelectionStore((s) =>
    s.allMatching ? members.length : members.filter((m) => m.userId in s.selected).length,
  );
  const setMany = useBulkSelectionStore((s) => s.setMany);
  const clear = useBulkSelectionStore((s) => s.clear);
  const ref = useRef<HTMLInputElement>(null);
  const all = members.length > 0 && count === members.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="checkbox"
      checked={all}
      onChange={() => (all ? clear() : setMany(members, true))}
      aria-label="Select all loaded members"
    />
  );
}
