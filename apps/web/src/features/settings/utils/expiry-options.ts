import type { SelectOption } from '../../../components/ui/select.tsx';

/** The select's value for links that never expire; every other value is a number of hours. */
export const NEVER = 'never';

/** The choices offered, in days (the setting itself is stored in hours). */
export const EXPIRY_DAYS = [1, 3, 7, 14, 30] as const;

export const ttlToOption = (hours: number | null) => (hours === null ? NEVER : String(hours));

/** "1 day", "14 days", "36 hours", "never": how an expiry reads in a sentence. */
export function expiryText(hours: number | null): string {
  if (hours === null) return 'never';
  if (hours % 24 !== 0) return `${hours} hours`;
  return hours === 24 ? '1 day' : `${hours / 24} days`;
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/**
 * 1, 3, 7, 14 and 30 days and Never. A value set some other way (say 2 days, or 36 hours) is
 * offered as its own option, in order, so opening the page never changes it.
 */
export function expiryOptions(...kept: string[]): SelectOption<string>[] {
  const hours = new Set<number>(EXPIRY_DAYS.map((d) => d * 24));
  for (const value of kept) if (value !== NEVER && Number.isInteger(Number(value))) hours.add(Number(value));
  return [
    ...[...hours].sort((a, b) => a - b).map((h) => ({ value: String(h), label: capitalized(expiryText(h)) })),
    { value: NEVER, label: 'Never' },
  ];
}
