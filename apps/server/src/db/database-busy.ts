import { DomainError } from '../lib/domain-error.ts';

/**
 * PostgreSQL's answers when a wait ran out: `lock_timeout` (55P03, lock_not_available) and
 * `statement_timeout` (57014, query_canceled). Nothing was changed; the caller may retry.
 */
const WAIT_RAN_OUT = new Set(['55P03', '57014']);

export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && WAIT_RAN_OUT.has(code);
}

export function busy(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('BUSY', message, { retryAfterSeconds });
}
