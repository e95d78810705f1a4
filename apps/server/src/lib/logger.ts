import { multistream, pino, type DestinationStream } from 'pino';
import { REDACTED_PATHS, scrubString, scrubValues } from './log-redaction.ts';
import { currentRequestId } from './request-context.ts';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/**
 * One JSON line per entry (pino), with the request id on every line written while serving a
 * request, and never a password, token or cookie (log-redaction.ts). Warnings and errors go to
 * stderr, the rest to stdout, unless a destination is given (tests capture it).
 */
export function createLogger(level: Level = 'info', destination?: DestinationStream): Logger {
  const streams =
    destination ??
    multistream(
      [
        { level: 'debug', stream: process.stdout },
        { level: 'warn', stream: process.stderr },
      ],
      { dedupe: true },
    );
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: scrubValues },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    streams,
  );
  const write = (at: Exclude<Level, 'silent'>) => (msg: string, data?: Record<string, unknown>) =>
    data ? log[at](data, scrubString(msg)) : log[at](scrubString(msg));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
