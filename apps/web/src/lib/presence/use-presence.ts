import { useEffect } from 'react';
import type { PresenceEditing, PresenceView } from '@roster/contracts';
import { usePresenceStore } from './presence-store.ts';

/** While mounted, this tab is on `view` of the org; unmounted, on none of its pages (unless another entered). */
export function usePresencePage(orgId: string | undefined, view: PresenceView | null, selfId: string | undefined) {
  useEffect(() => {
    if (!orgId || !view || !selfId) return;
    usePresenceStore.getState().enter({ orgId, view, selfId });
    return () => usePresenceStore.getState().leave(orgId, view);
  }, [orgId, view, selfId]);
}

/** While `active`, this tab is about to change `editing` (a row's role, a drawer, a settings field). */
export function usePresenceEditing(editing: NonNullable<PresenceEditing> | null, active = true) {
  const kind = editing?.kind;
  const id = editing?.id;
  const field = editing?.field;
  useEffect(() => {
    if (!active || !kind || !id) return;
    const thing = field ? { kind, id, field } : { kind, id };
    usePresenceStore.getState().startEditing(thing);
    return () => usePresenceStore.getState().stopEditing(thing);
  }, [active, kind, id, field]);
}
