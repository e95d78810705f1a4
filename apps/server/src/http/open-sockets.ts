import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every TCP connection the server holds, upgraded WebSockets included: `closeAllConnections`
 * sees only HTTP connections, and one socket left half-open by a refused or interrupted upgrade
 * would keep `server.close()` waiting forever.
 */
export function trackOpenSockets(server: HttpServer) {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    destroyAll() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}
