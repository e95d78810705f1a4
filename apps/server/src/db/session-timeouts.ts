// Its own module: the mutation path reads it without importing the drivers (mock mode runs in a tab).
/**
 * Every PostgreSQL session bounds its waits, so no request holds a pooled connection hostage:
 * a row-lock wait past 5 s, a statement past 30 s, or a transaction left idle for 60 s is ended
 * by the server (the first two answer 503 BUSY). Sent as startup parameters, so they hold from
 * the first query on every connection.
 */
export const SESSION_TIMEOUTS = {
  lock_timeout: 5_000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
};
