/**
 * "Try again in 12 minutes": when a rate-limited request may be retried, in words. Without a
 * `Retry-After` the wait is unknown, so the copy says "in a little while".
 */
export function tryAgainIn(seconds: number | undefined): string {
  if (seconds === undefined) return 'Try again in a little while.';
  if (seconds < 60) return seconds <= 1 ? 'Try again in a second.' : `Try again in ${seconds} seconds.`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'Try again in a minute.' : `Try again in ${minutes} minutes.`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? 'Try again in an hour.' : `Try again in ${hours} hours.`;
}
