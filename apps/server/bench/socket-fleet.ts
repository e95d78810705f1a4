import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { PresenceState } from '@roster/contracts';
import type { JoinCommand, PresentCommand, TrafficCommand } from './presence-clients.ts';
import type { ChangeRequest, Command, OpenCommand } from './socket-fleet-worker.ts';

type Request = Command extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** Absolute time, comparable with the fleet's thread. */
export const now = () => performance.timeOrigin + performance.now();

/** Websocket clients on a thread of their own (see socket-fleet-worker.ts). */
export class SocketFleet {
  private next = 0;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private worker: Worker) {
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
  }

  /** Node 20 does not carry tsx's loader into workers: the worker loads its TypeScript through tsx's API. */
  static start() {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./socket-fleet-worker.ts', import.meta.url).href);
    return new SocketFleet(
      new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true }),
    );
  }

  private call<T>(request: Request): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Opens `count` more sockets, each synced from `since` when an org is given; the head seq they saw. */
  async open(open: OpenCommand): Promise<number> {
    return (await this.call<{ head: number }>({ type: 'open', open })).head;
  }

  /** Listens for the next event on every socket; `arrived` then says when the last had it. */
  arm() {
    return this.call<null>({ type: 'arm' });
  }

  arrived() {
    return this.call<{ at: number; event: unknown }>({ type: 'wait' });
  }

  /** Sends `request` from the fleet's thread: when it was sent, answered, and last delivered to every socket. */
  change(request: ChangeRequest) {
    return this.call<{ sent: number; answered: number; last: number; event: unknown }>({ type: 'change', request });
  }

  disconnect() {
    return this.call<null>({ type: 'disconnect' });
  }

  /** `count` sockets connecting and syncing at once; each one's time from the start until synced. */
  storm(open: OpenCommand) {
    return this.call<{ started: number; perSocket: number[]; heads: number[] }>({ type: 'storm', open });
  }

  /** Puts every socket on a page; resolves once each sees `people` people there. */
  present(present: PresentCommand) {
    return this.call<null>({ type: 'present', present });
  }

  /** A new socket (`open`, one) arrives on the page: when it sent, and when the last other socket saw it. */
  join(open: OpenCommand, join: JoinCommand) {
    return this.call<{ sent: number; last: number; state: PresenceState; message: unknown }>({
      type: 'join',
      open,
      join,
    });
  }

  /** Presence bytes (JSON length) each socket receives while the first one keeps changing. */
  traffic(traffic: TrafficCommand) {
    return this.call<{ bytesPerSocketPerSecond: number; statesPerSocket: number }>({ type: 'traffic', traffic });
  }

  async close() {
    await this.disconnect();
    await this.worker.terminate();
  }
}
