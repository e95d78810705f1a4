import { PresenceHintBadge, type HintProps } from './presence-people.tsx';
import { usePresenceStore } from './presence-store.ts';

/**
 * Beside a row or field another admin is about to change: their initials, and who. A hint, not a
 * lock: saving stays open to everyone, and the versioned write settles who was first. A yes/no
 * selector, so a row re-renders only when its own answer changes.
 */
export function PresenceHint(props: HintProps) {
  const { kind, id } = props;
  const edited = usePresenceStore((s) => s.others.some((p) => p.editing?.kind === kind && p.editing.id === id));
  return edited ? <PresenceHintBadge {...props} /> : null;
}
