import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@roster/contracts';

// A maintained estimator with the common-password and English dictionaries: it knows
// "password123" and keyboard walks, and judges guessability rather than character classes.
// Its dictionaries are megabytes, loaded on the first new password: a server starts without
// them, and mock mode's tab downloads them only if someone picks a password.
let estimator: Promise<ZxcvbnFactory> | undefined;
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      new ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
      }),
  );
  return estimator;
}

/** Below "safely unguessable" (10^10 guesses) is refused. */
const MIN_SCORE = 3;

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Judges a new password. `context` holds what an attacker knows about the person (their name and
 * address), which must not carry the password. The reason is written for people.
 */
export async function judgePassword(password: string, context: string[] = []): Promise<PasswordVerdict> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { ok: false, reason: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, reason: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  // The estimator is quadratic in length; past 64 characters the first 64 decide.
  const result = (await loadEstimator()).check(password.slice(0, 64), contextWords(context));
  if (result.score >= MIN_SCORE) return { ok: true };
  const { warning, suggestions } = result.feedback;
  const advice = suggestions[0] ?? 'Add another word or two that are not easy to guess.';
  return { ok: false, reason: [warning ?? 'This password is easy to guess.', advice].filter(Boolean).join(' ') };
}

function contextWords(context: string[]): string[] {
  const words = context.flatMap((text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  // The whole name run together ("adalovelace") is as guessable as its parts.
  const joined = context.map((text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  return [...words, ...joined, ...context.map((text) => text.toLowerCase())].filter((word) => word.length >= 3);
}
