const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });

/** "just now", "12 s ago", "2 min ago", "3 h ago", "5 d ago", then the date: short enough for a dense table. */
export function formatRelative(at: string | Date, now: number = Date.now()): string {
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < MINUTE) return `${seconds} s ago`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ago`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`;
  if (seconds < 30 * DAY) return `${Math.floor(seconds / DAY)} d ago`;
  return dateFormat.format(time);
}

export function formatDate(at: string): string {
  return dateFormat.format(Date.parse(at));
}
