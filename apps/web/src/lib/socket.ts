import { io, type Socket } from 'socket.io-client';
import { setConnectionStatus } from './connection-store.ts';

let socket: Socket | null = null;

/**
 * The app's one socket, same origin, authenticated by the session cookie. It is created
 * disconnected; the signed-in layout connects it and live-updates owns what flows over it.
 */
export function getSocket(): Socket {
  if (socket) return socket;
  socket = io({
    withCredentials: true,
    autoConnect: false,
    // MSW intercepts WebSocket but not HTTP long-polling, so mock mode skips the polling phase.
    ...(import.meta.env.VITE_MOCKS === '1' ? { transports: ['websocket'] } : {}),
  });
  trackStatus(socket);
  return socket;
}

/** Reports transport state; `connected`/`resynced` are set by live-updates once sync is done. */
function trackStatus(s: Socket) {
  s.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return setConnectionStatus('offline');
    setConnectionStatus('reconnecting');
    // Socket.IO does not retry after a server-side disconnect; we still want the other orgs.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1_000);
  });
  s.on('connect_error', () => {
    // `active` is false when the server refused the handshake (signed out): retrying is pointless.
    setConnectionStatus(s.active ? 'reconnecting' : 'offline');
  });
  window.addEventListener('offline', () => setConnectionStatus('offline'));
  window.addEventListener('online', () => {
    if (!s.connected) setConnectionStatus('reconnecting');
  });
}

export function connectSocket() {
  const s = getSocket();
  if (!s.connected) {
    setConnectionStatus('connecting');
    s.connect();
  }
}

export function disconnectSocket() {
  socket?.disconnect();
}
