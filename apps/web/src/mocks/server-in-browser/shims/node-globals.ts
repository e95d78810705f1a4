import { Buffer } from './buffer.ts';

/** The Node globals the server's modules use at run time: Buffer and setImmediate. */
const scope = globalThis as { Buffer?: unknown; setImmediate?: unknown };
scope.Buffer ??= Buffer;
scope.setImmediate ??= immediateQueue();

/**
 * Callbacks run in the order they were queued, as Node's do: the server publishes each org's
 * events with setImmediate and relies on that order. A zero timeout would not keep it, since
 * browsers stretch nested timeouts to 4 ms and a later, unnested one can fire first; messages on
 * one channel are delivered in order.
 */
function immediateQueue() {
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (run: () => void) => {
    queue.push(run);
    channel.port2.postMessage(null);
  };
}
