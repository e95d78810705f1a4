import { io, type Socket } from 'socket.io-client';
import { socketReconnection } from '@roster/contracts';
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
    ...socketReconnection,
    // MSW intercepts WebSocket but not HTTP long-polling, so mock mode skips the polling phase.
    ...(import.meta.env.VITE_MOCKS === '1' ? { transports: ['websocket'] } : {}),
  });
  trackStatus(socket);
  return socket;
}

/**
 * Reports transport state; `connected`/`resynced` are set by live-updates once sync is done.
 * While the browser says it is offline, the indicator says so, whatever the transport thinks.
 */
function trackStatus(s: Socket) {
  const dropped = () => setConnectionStatus(navigator.onLine ? 'reconnecting' : 'offline');
  s.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return setConnectionStatus('offline');
    dropped();
    // Socket.IO does not retry after a server-side disconnect; we still want the other orgs.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1_000);
  });
  s.on('connect_error', () => {
    // `active` is false when the server refused the handshake (signed out): retrying is pointless.
    if (s.active) dropped();
    else setConnectionStatus('offline');
  });
  window.addEventListener('offline', () => setConnectionStatus('offline'));
  window.addEventListener('online', () => {
    if (!s.connected) return setConnectionStatus('reconnecting');
    // The socket outlived the outage on paper, but it may be half-open and have lost what was
    // sent meanwhile: a fresh connection catches up through sync and leaves "Offline" behind.
    s.disconnect().connect();
    setConnectionStatus('reconnecting');
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
