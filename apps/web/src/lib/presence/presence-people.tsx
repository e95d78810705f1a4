import { useMemo } from 'react';
import type { PresenceEditing } from '@roster/contracts';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Tooltip } from '../../components/ui/tooltip.tsx';
import { editingLabel, presenceLabel } from './presence-copy.ts';
import { usePresenceStore } from './presence-store.ts';
import './presence.css';

/** More than this many people: the last circle says "+N" and names the rest on hover. */
const MAX_SHOWN = 4;

/** The other people on this page, for its header: initials, names on hover, dimmed when away. */
export function PresenceAvatars() {
  const others = usePresenceStore((s) => s.others);
  if (others.length === 0) return null;
  const shown = others.length > MAX_SHOWN ? others.slice(0, MAX_SHOWN - 1) : others;
  const rest = others.slice(shown.length);
  return (
    <div className="presence-stack" role="group" aria-label="Also on this page">
      {shown.map((person) => (
        <Tooltip key={person.userId} content={presenceLabel(person)} side="bottom">
          <span
            className={`presence-stack__person${person.away ? ' presence-stack__person--away' : ''}`}
            role="img"
            aria-label={presenceLabel(person)}
          >
            <Avatar name={person.name} seed={person.userId} size={26} />
          </span>
        </Tooltip>
      ))}
      {rest.length > 0 && (
        <Tooltip content={rest.map(presenceLabel).join(', ')} side="bottom">
          <span
            className="presence-stack__person presence-stack__more"
            role="img"
            aria-label={`${rest.length} more: ${rest.map(presenceLabel).join(', ')}`}
          >
            +{rest.length}
          </span>
        </Tooltip>
      )}
    </div>
  );
}

export type HintProps = NonNullable<PresenceEditing> & {
  /** Says who in words beside the initials (a settings field), not only on hover (a table row). */
  labelled?: boolean | undefined;
};

/** Who else is about to change this row or field: their initials, and their name in words or on hover. */
export function PresenceHintBadge({ kind, id, labelled }: HintProps) {
  const others = usePresenceStore((s) => s.others);
  const editors = useMemo(
    () => others.filter((p) => p.editing?.kind === kind && p.editing.id === id),
    [others, kind, id],
  );
  const first = editors[0];
  if (!first) return null;
  const label = editingLabel(editors, kind);
  const initials = <Avatar name={first.name} seed={first.userId} size={20} />;
  if (labelled)
    return (
      <span className="presence-hint presence-hint--labelled">
        {initials}
        <span>{label}</span>
      </span>
    );
  return (
    <Tooltip content={label}>
      <span className="presence-hint" role="img" aria-label={label}>
        {initials}
        {editors.length > 1 && (
          <span className="presence-hint__more" aria-hidden="true">
            +{editors.length - 1}
          </span>
        )}
      </span>
    </Tooltip>
  );
}
