import { errorStatus, type ErrorCode } from '@roster/contracts';

/** A refusal the client can act on: a stable code, a sentence for people, and details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message = 'You do not have permission to do that') => new DomainError('FORBIDDEN', message);
/** An org that is gone for the caller: deleted (waiting for its purge), or never theirs to find. */
export const orgNotFound = () => new DomainError('ORG_NOT_FOUND', 'This organization does not exist or was deleted');
