import { queryTokens } from '../../core/search/query.ts';

const maxQueryLength = 500;

/** The query as analytics groups it: trimmed, lowercased, single-spaced. */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, maxQueryLength);
}

/** The words of a query, without operators, quotes or excluded words: what "did you mean" corrects. */
export function plainWords(q: string): string[] {
  return queryTokens(q)
    .filter((token) => !token.startsWith('-') && !/^or$/i.test(token))
    .flatMap((token) => token.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, 10);
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let index = 0; index < padded.length - 2; index += 1) grams.add(padded.slice(index, index + 3));
  return grams;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams. */
export function similarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Rewrites each word of the query into the closest word of the suggestions, when one is close
 * enough: "retyr polcy" → "retry policy". Null when nothing changes.
 */
export function correctedQuery(words: string[], suggestions: string[]): string | null {
  const vocabulary = [
    ...new Set(suggestions.flatMap((text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])),
  ];
  const corrected = words.map((word) => {
    if (vocabulary.includes(word)) return word;
    let best = word;
    let bestScore = 0.3;
    for (const candidate of vocabulary) {
      const score = similarity(word, candidate);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  });
  const text = corrected.join(' ');
  return text === words.join(' ') ? null : text;
}
