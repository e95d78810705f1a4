import {
  PRESENCE_AWAY_AFTER_MS,
  PRESENCE_UPDATES_PER_SECOND,
  PresenceChangesSchema,
  PresenceStateSchema,
  presenceEvents,
  type PresenceUpdate,
} from '@roster/contracts';
import type { LiveSocket } from '../live-socket.ts';
import { usePresenceStore } from './presence-store.ts';

const SPACING_MS = 1_000 / PRESENCE_UPDATES_PER_SECOND;

function currentUpdate(): PresenceUpdate | null {
  const { orgId, view, editing, away } = usePresenceStore.getState();
  return orgId ? { orgId, view, editing, away } : null;
}

/**
 * Tells the server where this tab is whenever that changes, at most 10 times a second: the last
 * change of a burst always goes out (trailing), and a send waits a tick, so leaving one page and
 * entering the next is one update. After every (re)connect it says it again (the server forgot).
 */
export function startPresence(socket: LiveSocket, doc: Document = document): () => void {
  let lastSent: string | null = null;
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    timer = undefined;
    const update = currentUpdate();
    if (!update || !socket.connected) return;
    const json = JSON.stringify(update);
    if (json === lastSent) return;
    socket.emit(presenceEvents.update, update);
    lastSent = json;
    lastAt = Date.now();
  };
  const schedule = () => {
    timer ??= setTimeout(send, Math.max(0, lastAt + SPACING_MS - Date.now()));
  };

  const unsubscribe = usePresenceStore.subscribe((s, before) => {
    if (s.orgId !== before.orgId || s.view !== before.view || s.editing !== before.editing || s.away !== before.away)
      schedule();
  });
  const onConnect = () => {
    lastSent = null;
    schedule();
  };
  const onDisconnect = () => {
    lastSent = null;
    usePresenceStore.getState().forgetOthers();
  };
  const onState = (payload: unknown) => {
    const parsed = PresenceStateSchema.safeParse(payload);
    if (parsed.success) usePresenceStore.getState().receive(parsed.data);
  };
  const onChanges = (payload: unknown) => {
    const parsed = PresenceChangesSchema.safeParse(payload);
    if (parsed.success) usePresenceStore.getState().receiveChanges(parsed.data);
  };
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on(presenceEvents.state, onState);
  socket.on(presenceEvents.changes, onChanges);
  const stopAway = watchAway(doc);
  if (socket.connected) schedule();

  return () => {
    clearTimeout(timer);
    unsubscribe();
    stopAway();
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off(presenceEvents.state, onState);
    socket.off(presenceEvents.changes, onChanges);
  };
}

/** A tab hidden for a while is shown away to the others; back in view, it is here again at once. */
function watchAway(doc: Document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = () => {
    clearTimeout(timer);
    if (doc.visibilityState === 'hidden')
      timer = setTimeout(() => usePresenceStore.getState().setAway(true), PRESENCE_AWAY_AFTER_MS);
    else usePresenceStore.getState().setAway(false);
  };
  doc.addEventListener('visibilitychange', onChange);
  onChange();
  return () => {
    clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onChange);
  };
}
