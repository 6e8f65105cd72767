/**
 * Unleash's bucketing hash: MurmurHash3 (x86, 32 bit) of `${groupId}:${value}`, reduced to 1..normalizer.
 *
 * The hash runs over the UTF-8 bytes of the text. Unleash's Go, Java, Python and Rust-based SDKs hash UTF-8
 * bytes; its Node SDK hashes UTF-16 code units instead, which gives the same bytes for ASCII text only. So a
 * non-ASCII stickiness value (a user id like `josé`) lands in the same bucket here as in most SDKs, but not
 * in the Node SDK. The tests pin both facts.
 */
import murmurhash3 from 'murmurhash3js-revisited';

/** Seed and normalizer Unleash uses for rollout buckets. */
export const STRATEGY_SEED = 0;
/** Seed Unleash uses for the weighted variant choice (normalizer: the variants' total weight). */
export const VARIANT_SEED = 86028157;

const utf8 = new TextEncoder();

function multiply(m: number, n: number): number {
  return Math.imul(m, n);
}

function mixBlock(k: number): number {
  let block = multiply(k, 0xcc9e2d51);
  block = (block << 15) | (block >>> 17);
  return multiply(block, 0x1b873593);
}

/**
 * MurmurHash3 x86 32 straight from the string's character codes, which are its UTF-8 bytes when the text
 * is ASCII. Returns -1 as soon as a non-ASCII character shows up, so the caller can hash the real bytes.
 */
function hashAscii(text: string, seed: number): number {
  const length = text.length;
  const blocks = length & ~3;
  let hash = seed | 0;
  let index = 0;
  for (; index < blocks; index += 4) {
    const b0 = text.charCodeAt(index);
    const b1 = text.charCodeAt(index + 1);
    const b2 = text.charCodeAt(index + 2);
    const b3 = text.charCodeAt(index + 3);
    if ((b0 | b1 | b2 | b3) > 0x7f) return -1;
    hash ^= mixBlock(b0 | (b1 << 8) | (b2 << 16) | (b3 << 24));
    hash = (hash << 13) | (hash >>> 19);
    hash = (multiply(hash, 5) + 0xe6546b64) | 0;
  }
  for (let rest = index; rest < length; rest++) if (text.charCodeAt(rest) > 0x7f) return -1;
  const remaining = length & 3;
  if (remaining > 0) {
    let tail = text.charCodeAt(index);
    if (remaining > 1) tail |= text.charCodeAt(index + 1) << 8;
    if (remaining > 2) tail |= text.charCodeAt(index + 2) << 16;
    hash ^= mixBlock(tail);
  }
  hash ^= length;
  hash ^= hash >>> 16;
  hash = multiply(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = multiply(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** MurmurHash3 x86 32 of the UTF-8 bytes of `text`. */
export function murmur3Utf8(text: string, seed = 0): number {
  const fast = hashAscii(text, seed);
  if (fast >= 0) return fast;
  return murmurhash3.x86.hash32(utf8.encode(text), seed);
}

/** Unleash's normalized hash: a number from 1 to `normalizer` for this value within this group. */
export function normalizedHash(
  stickinessValue: string,
  groupId: string,
  normalizer: number,
  seed = STRATEGY_SEED,
): number {
  return (murmur3Utf8(`${groupId}:${stickinessValue}`, seed) % normalizer) + 1;
}
