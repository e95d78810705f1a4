/**
 * Which part of a search term the trigram index is asked about (ADR 32).
 *
 * GIN answers `text ilike '%term%'` by taking the entries of the term's rarest trigram and, for
 * each, looking it up in the posting list of every other trigram. A term made of trigrams that
 * every entry carries (`person`, the org's mail domain, the JSON's keys) thus costs a page of
 * each long list per candidate: 60 ms for one address in 200,000 entries, growing with the log.
 * An entry that contains the term contains each piece of it, so the index can be asked about
 * the piece that fewest entries hold, and the whole term checked on those few rows alone.
 *
 * How rare a piece is comes from the org's newest entries (a sample read once every few minutes
 * per org), not from guesses about names or numbers. Only a piece no sampled entry holds is
 * used; otherwise the index is asked about the whole term, as before.
 */

/** The longest piece tried: four trigrams narrow enough, and each more costs a list lookup. */
const MAX_PIECE = 6;
const MIN_PIECE = 3;

/** A run of the characters pg_trgm makes trigrams of (it splits words on anything else). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether the database lowercases the piece as it does the same characters inside the term: true
 * for ASCII and for text already lowercase. (Folding can depend on what follows, as a capital
 * sigma's does, and a piece cut from the term would then not be found where the term is.)
 */
const foldsAlone = (piece: string) => /^[\p{ASCII}]*$/u.test(piece) || piece === piece.toLowerCase();

/**
 * The piece of `q` to look up in the trigram index, or null for the whole term. `sample` is the
 * searched text of recent entries, lowercased. Pieces are taken from within words so that the
 * trigrams pg_trgm extracts from `%piece%` are exactly the piece's own.
 */
export function rarestPiece(q: string, sample: readonly string[]): string | null {
  let best: { piece: string; score: number } | null = null;
  const counts = new Map<string, number>();
  const count = (text: string) => {
    let n = counts.get(text);
    if (n === undefined) {
      n = 0;
      for (const entry of sample) if (entry.includes(text)) n++;
      counts.set(text, n);
    }
    return n;
  };
  for (const match of q.matchAll(WORD)) {
    const word = match[0];
    for (let length = Math.min(MAX_PIECE, word.length); length >= MIN_PIECE; length--) {
      for (let start = 0; start + length <= word.length; start++) {
        const piece = word.slice(start, start + length);
        const lower = piece.toLowerCase();
        if (!foldsAlone(piece) || count(lower) > 0) continue;
        // Among pieces no sampled entry holds, the one whose trigrams are rarest together.
        let score = 1;
        for (let i = 0; i + 3 <= lower.length; i++) score *= (count(lower.slice(i, i + 3)) + 0.5) / (sample.length + 1);
        if (!best || score < best.score) best = { piece, score };
      }
    }
  }
  return best?.piece ?? null;
}
