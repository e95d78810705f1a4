import type { SelectOption } from '../../../components/ui/select.tsx';

/** The select's value for an audit log that keeps everything; any other value is a number of days. */
export const FOREVER = 'forever';

/** The choices offered, in days. */
export const RETENTION_DAYS = [30, 90, 180, 365, 730] as const;

export const retentionToOption = (days: number | null) => (days === null ? FOREVER : String(days));

/** "30 days", "1 year", "2 years", "forever": how a retention reads in a sentence. */
export function retentionText(days: number | null): string {
  if (days === null) return 'forever';
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  return `${days} days`;
}

/** The usual choices and Forever; a value set some other way (say 45 days) is offered as its own. */
export function retentionOptions(...kept: string[]): SelectOption<string>[] {
  const days = new Set<number>(RETENTION_DAYS);
  for (const value of kept) if (value !== FOREVER && Number.isInteger(Number(value))) days.add(Number(value));
  const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return [
    ...[...days].sort((a, b) => a - b).map((d) => ({ value: String(d), label: capitalized(retentionText(d)) })),
    { value: FOREVER, label: 'Forever' },
  ];
}
