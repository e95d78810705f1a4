import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { now, SocketFleet } from './socket-fleet.ts';

/**
 * A bare Socket.IO server (the app's own package) on its own port, emitting one event of the
 * size of a role change's to `sockets` websocket clients (on the same client thread as the
 * app's): the time until the last has it is what delivery alone costs at that size.
 */
export async function measureFanoutFloor(sockets: number, samples: number, payload: unknown): Promise<number[]> {
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  io.on('connection', (socket) => void socket.join('org'));
  const fleet = SocketFleet.start();
  await fleet.open({ url, count: sockets });
  // The joins above happen on the server's next tick after each connection.
  while ((io.sockets.adapter.rooms.get('org')?.size ?? 0) < sockets) await new Promise((r) => setTimeout(r, 10));
  const times: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    await fleet.arm();
    const started = now();
    io.to('org').emit('roster:event', payload);
    const last = await fleet.arrived();
    if (i >= 3) times.push(last.at - started);
  }
  await fleet.close();
  await io.close();
  return times;
}
