import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { SocketFleet } from './socket-fleet.ts';

/**
 * The reconnect storm's floor: a bare Socket.IO server (the app's own package) that `sockets`
 * websocket clients connect to at once, each asking `roster:sync` and answered at once with
 * five small events. Per-socket times from the start until answered, as the storm measures them.
 */
export async function measureConnectFloor(sockets: number): Promise<number[]> {
  // About the size of a role change's event.
  const event = {
    orgId: '00000000-0000-4000-8000-000000000000',
    seq: 1,
    type: 'member.updated',
    at: new Date().toISOString(),
    member: { userId: 'floor', name: 'Floor Person', email: 'floor@example.test', role: 'MEMBER', version: 2 },
  };
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  io.on('connection', (socket) => {
    socket.on('roster:sync', (_payload: unknown, ack: (reply: unknown) => void) =>
      ack({ events: [event, event, event, event, event], headSeq: 5 }),
    );
  });
  const fleet = SocketFleet.start();
  const storm = await fleet.storm({ url, orgId: 'floor', since: 0, count: sockets });
  await fleet.close();
  await io.close();
  return storm.perSocket;
}
