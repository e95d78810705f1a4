import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { presenceEvents } from '@roster/contracts';
import { SocketFleet } from './socket-fleet.ts';

/**
 * A bare Socket.IO server (the app's own package) relaying one client's emit to `sockets` other
 * websocket clients as an event of the size the app sent: a new socket connects, emits, and the
 * time until the last of the others has the relay is what the round trip alone costs.
 */
export async function measureRelayFloor(sockets: number, samples: number, payload: unknown): Promise<number[]> {
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  io.on('connection', (socket) => {
    void socket.join('page');
    socket.on(presenceEvents.update, () => socket.to('page').emit(presenceEvents.state, payload));
  });
  const fleet = SocketFleet.start();
  await fleet.open({ url, count: sockets });
  while ((io.sockets.adapter.rooms.get('page')?.size ?? 0) < sockets) await new Promise((r) => setTimeout(r, 10));
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const run = await fleet.join({ url, count: 1 }, { event: presenceEvents.update, payload: {} });
    if (i >= 3) times.push(run.last - run.sent);
  }
  await fleet.close();
  await io.close();
  return times;
}
