/** Everything the account page caches sits under `['account']`. */
export const accountKeys = {
  all: ['account'] as const,
  sessions: ['account', 'sessions'] as const,
};
