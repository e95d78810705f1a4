/**
 * The binding decodes events but drops their ack ids, and `roster:sync` needs an ack, so the
 * mock reads and answers those packets itself. Engine.IO "4" (message) + Socket.IO "2"
 * (event) + ack id + JSON: `421["roster:sync",{...}]`, answered by `431[{...}]`.
 */
const EVENT_WITH_ACK = /^42(\d+)(\[.*)$/s;

export function parseEventWithAck(data: unknown): { id: string; name: string; args: unknown[] } | null {
  if (typeof data !== 'string') return null;
  const match = EVENT_WITH_ACK.exec(data);
  if (!match) return null;
  try {
    const [name, ...args] = JSON.parse(match[2]!) as [unknown, ...unknown[]];
    return typeof name === 'string' ? { id: match[1]!, name, args } : null;
  } catch {
    return null;
  }
}

export const ackPacket = (id: string, reply: unknown) => `43${id}${JSON.stringify([reply])}`;

/** An Engine.IO ping; without one every 25 s (+5 s grace) the client drops the connection. */
export const PING_PACKET = '2';
