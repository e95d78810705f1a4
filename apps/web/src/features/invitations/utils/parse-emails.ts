import { z } from 'zod';

export interface EmailChip {
  /** As typed, trimmed. */
  email: string;
  valid: boolean;
}

const emailSchema = z.email();

export const isEmail = (value: string) => emailSchema.safeParse(value).success;

/** Splits pasted text on commas, semicolons, whitespace and newlines; "Name <a@b.c>" keeps the address. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim().replace(/^<|>$/g, ''))
    .filter(Boolean);
}

/** Adds addresses to the chips, merging duplicates case-insensitively (the first spelling stays). */
export function mergeChips(chips: EmailChip[], additions: string[]): EmailChip[] {
  const seen = new Set(chips.map((c) => c.email.toLowerCase()));
  const next = [...chips];
  for (const email of additions) {
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    next.push({ email, valid: isEmail(email) });
  }
  return next;
}
