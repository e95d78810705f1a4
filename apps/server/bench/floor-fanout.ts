import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';

/**
 * A bare Socket.IO server (the app's own package) on its own port, emitting one event of the
 * size of a role change's to `sockets` websocket clients: the time until the last has it is
 * what delivery alone costs at that size.
 */
export async function measureFanoutFloor(sockets: number, samples: number, payload: unknown): Promise<number[]> {
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  io.on('connection', (socket) => void socket.join('org'));
  const clients: Socket[] = [];
  for (let i = 0; i < sockets; i += 100) {
    const batch = Array.from({ length: Math.min(100, sockets - i) }, () =>
      connect(url, { transports: ['websocket'], forceNew: true }),
    );
    await Promise.all(batch.map((s) => new Promise<void>((resolve) => s.once('connect', () => resolve()))));
    clients.push(...batch);
  }
  // The joins above happen on the server's next tick after each connection.
  while ((io.sockets.adapter.rooms.get('org')?.size ?? 0) < sockets) await new Promise((r) => setTimeout(r, 10));
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const arrivals = clients.map((s) => new Promise<void>((resolve) => s.once('roster:event', () => resolve())));
    const started = performance.now();
    io.to('org').emit('roster:event', payload);
    await Promise.all(arrivals);
    if (i >= 3) times.push(performance.now() - started);
  }
  clients.forEach((s) => s.disconnect());
  await io.close();
  return times;
}
