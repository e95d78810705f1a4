/**
 * The binding decodes events but drops their ack ids, and `roster:sync` needs an ack, so the
 * mock reads event packets itself. Engine.IO "4" (message) + Socket.IO "2" (event) + an ack id
 * when the sender waits for an answer + JSON: `421["roster:sync",{...}]` is answered by
 * `431[{...}]`; `42["presence:update",{...}]` waits for nothing.
 */
const EVENT = /^42(\d*)(\[.*)$/s;

export interface EventPacket {
  name: string;
  args: unknown[];
  /** The id to answer with; null when the sender waits for no answer. */
  ackId: string | null;
}

export function parseEvent(data: unknown): EventPacket | null {
  if (typeof data !== 'string') return null;
  const match = EVENT.exec(data);
  if (!match) return null;
  try {
    const [name, ...args] = JSON.parse(match[2]!) as [unknown, ...unknown[]];
    return typeof name === 'string' ? { name, args, ackId: match[1] || null } : null;
  } catch {
    return null;
  }
}

export const ackPacket = (id: string, reply: unknown) => `43${id}${JSON.stringify([reply])}`;

/** An Engine.IO ping; without one every 25 s (+5 s grace) the client drops the connection. */
export const PING_PACKET = '2';
