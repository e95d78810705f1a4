// Listener arguments are `any` because that is what Socket.IO's untyped events declare.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Listener = (...args: any[]) => void;

/** The slice of a socket.io client socket the live modules use, so tests can hand in a fake. */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}
