import { connect, createServer, type Socket } from 'node:net';

/**
 * A minimal TCP load balancer in front of several server processes: each new connection goes
 * to a backend picked at random (the next one if it refuses), so long-lived sockets spread
 * evenly whatever else connects in between. When a backend dies its connections drop, and
 * clients reconnect through here to one that is alive, as behind a real balancer.
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(backendPorts: number[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const first = Math.floor(Math.random() * backendPorts.length);
    const order = backendPorts.map((_, i) => backendPorts[(first + i) % backendPorts.length]!);
    const attempt = (ports: number[]) => {
      if (ports.length === 0 || client.destroyed) return client.destroy();
      const backend = connect(ports[0]!, '127.0.0.1');
      let connected = false;
      backend.on('error', () => {
        if (connected) client.destroy();
        else attempt(ports.slice(1));
      });
      backend.once('connect', () => {
        connected = true;
        open.add(backend);
        backend.on('close', () => {
          open.delete(backend);
          client.destroy();
        });
        client.on('close', () => backend.destroy());
        client.pipe(backend).pipe(client);
        client.resume();
      });
    };
    attempt(order);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
