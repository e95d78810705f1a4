import type { Socket } from 'socket.io';
import { presenceEvents, type SyncAck } from '@roster/contracts';
import type { Logger } from '../lib/logger.ts';
import { createTokenBucket } from '../lib/token-bucket.ts';

export interface EventRateLimit {
  /** Events a socket may send in a burst. */
  burst: number;
  /** Events per second it earns back. */
  perSecond: number;
  /** Refused events (within one burst's worth of time) after which the socket is closed. */
  closeAfter: number;
}

/** A tab syncs each org it shows on connect and on gaps: a few events, now and then. */
export const defaultEventRateLimit: EventRateLimit = { burst: 30, perSecond: 10, closeAfter: 100 };

/**
 * A token bucket per socket, on every event it sends. An event over the limit is dropped, and
 * one that asked for an answer is told RATE_LIMITED; a socket that keeps going is closed.
 */
export function limitSocketEvents(socket: Socket, limit: EventRateLimit, logger: Logger) {
  const general = createTokenBucket(limit.burst, limit.perSecond);
  // The presence hub holds updates past 10 a second and applies the last one; this bucket only
  // stops a flood, at a pace no tab reaches (a tab sends them on page and focus changes).
  const presence = createTokenBucket(limit.burst * 2, limit.perSecond * 3);
  let refusedRecently = 0;
  let last = Date.now();
  socket.use((packet, next) => {
    const now = Date.now();
    // Forgiveness at the same pace as tokens come back: only sustained abuse adds up.
    refusedRecently = Math.max(0, refusedRecently - ((now - last) / 1000) * limit.perSecond);
    last = now;
    if ((packet[0] === presenceEvents.update ? presence : general).take()) return next();
    refusedRecently += 1;
    const ack: unknown = packet.at(-1);
    const refusal: SyncAck = { error: { code: 'RATE_LIMITED', message: 'Too many live requests; slow down' } };
    if (typeof ack === 'function') (ack as (reply: SyncAck) => void)(refusal);
    if (refusedRecently >= limit.closeAfter) {
      logger.warn('socket closed for flooding', { userId: (socket.data as { user?: { id: string } }).user?.id });
      socket.disconnect(true);
    }
  });
}
