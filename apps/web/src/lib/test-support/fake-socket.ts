import type { Listener, LiveSocket } from '../live-socket.ts';

/** A stand-in for the socket.io client: tests play the server's side by hand. */
export class FakeSocket implements LiveSocket {
  connected = true;
  private listeners = new Map<string, Set<Listener>>();
  private sent: { event: string; payload: unknown; ack?: Listener }[] = [];

  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload?: unknown, ack?: Listener) {
    this.sent.push({ event, payload, ack });
    return this;
  }

  /** The server pushes `event`. */
  serverEmit(event: string, payload?: unknown) {
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }

  /** Payloads the client sent under `event`. */
  emitted(event: string) {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload);
  }

  /** Answers the oldest unanswered `event` the client sent. */
  ack(event: string, reply: unknown) {
    const pending = this.sent.find((s) => s.event === event && s.ack);
    if (!pending?.ack) throw new Error(`No pending ${event} to answer`);
    const ack = pending.ack;
    delete pending.ack;
    ack(reply);
  }

  pendingAcks() {
    return this.sent.filter((s) => s.ack).length;
  }
}
