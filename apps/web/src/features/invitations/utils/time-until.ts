const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 6 d", "in 3 h", "in 12 min": when something ends, short enough for a table cell. */
export function formatUntil(at: string, now: number = Date.now()): string {
  const ms = Date.parse(at) - now;
  if (ms <= 0) return 'now';
  if (ms < HOUR) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return `in ${Math.round(ms / HOUR)} h`;
  return `in ${Math.round(ms / DAY)} d`;
}
