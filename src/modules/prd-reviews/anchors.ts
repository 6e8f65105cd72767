import { diffLines } from 'diff';
import type { CommentAnchor } from './tables.ts';

/**
 * Where an offset of the old text lands in the new one, following a line diff: exact inside
 * unchanged lines, at the edit point inside removed ones.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  let oldPosition = 0;
  let newPosition = 0;
  for (const change of diffLines(before, after)) {
    const length = change.value.length;
    if (change.added) {
      newPosition += length;
      continue;
    }
    if (offset < oldPosition + length) {
      return change.removed ? newPosition : newPosition + (offset - oldPosition);
    }
    oldPosition += length;
    if (!change.removed) newPosition += length;
  }
  return newPosition;
}

/**
 * Follows an anchor into edited text: the occurrence of the quote nearest to where the old offset
 * maps, or null when the quote no longer occurs (the comment is then outdated).
 */
export function relocateAnchor(before: string, after: string, anchor: CommentAnchor): CommentAnchor | null {
  const target = mapOffset(before, after, anchor.start);
  let best: number | null = null;
  for (
    let index = after.indexOf(anchor.quote);
    index !== -1;
    index = after.indexOf(anchor.quote, index + 1)
  ) {
    if (best === null || Math.abs(index - target) < Math.abs(best - target)) best = index;
  }
  return best === null ? null : { quote: anchor.quote, start: best, end: best + anchor.quote.length };
}

/** Emails mentioned as `@someone@example.com` in a comment body (lower-cased, unique). */
export function mentionedEmails(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/(?:^|[\s(])@([^\s@()<>,;:]+@[^\s@()<>,;:]+\.[A-Za-z]{2,})/g)) {
    if (match[1]) found.add(match[1].toLowerCase().replace(/\.$/, ''));
  }
  return [...found];
}
