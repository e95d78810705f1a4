import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import type { SessionUser } from '../auth/auth.ts';
import type { SessionReader } from '../auth/session-reader.ts';

/** Node's header object as a fetch Headers, which the session reader reads. */
export function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Refuses a handshake from a foreign page; a missing Origin is a same-origin poll or a non-browser client. */
export function allowOrigin(isTrusted: (origin: string, host: string | undefined) => boolean) {
  return (request: IncomingMessage, callback: (err: string | null, ok: boolean) => void) => {
    const origin = request.headers.origin;
    callback(null, !origin || isTrusted(origin, request.headers.host));
  };
}

/** Socket.IO middleware: only signed-in people connect; the user rides on `socket.data`. */
export function authenticateSocket(sessions: SessionReader) {
  return (socket: Socket, next: (err?: Error) => void) => {
    sessions.userFrom(toHeaders(socket.request)).then(
      (user) => {
        if (!user) return next(new Error('UNAUTHENTICATED'));
        (socket.data as { user: SessionUser }).user = user;
        next();
      },
      () => next(new Error('UNAUTHENTICATED')),
    );
  };
}
