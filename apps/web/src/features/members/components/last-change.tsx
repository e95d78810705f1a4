import type { Member } from '@roster/contracts';
import { useTicking } from '../../../lib/clock.ts';
import { formatRelative } from '../../../lib/relative-time.ts';

const fullDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "Grace Hopper, 2 min ago": the relative time ticks, re-rendering only when its text changes. */
export function LastChange({ change }: { change: Member['lastChange'] }) {
  if (!change) return <span className="muted">—</span>;
  return (
    <div className="last-change">
      <span className="last-change__who truncate">{change.by.name}</span>
      <RelativeTime at={change.at} />
    </div>
  );
}

export function RelativeTime({ at }: { at: string }) {
  const text = useTicking((now) => formatRelative(at, now));
  return (
    <time className="last-change__when" dateTime={at} title={fullDate.format(Date.parse(at))}>
      {text}
    </time>
  );
}
