import fc from 'fast-check';
import murmurhash3 from 'murmurhash3js-revisited';
import { normalizedStrategyValue, normalizedVariantValue } from 'unleash-client/lib/strategy/util.js';
import { describe, expect, it } from 'vitest';
import { murmur3Utf8, normalizedHash, VARIANT_SEED } from './hash.ts';

const asciiText = fc.string({ unit: 'binary-ascii', maxLength: 40 });

describe('normalizedHash', () => {
  it('buckets ASCII values exactly as unleash-client, for rollouts and variants', () => {
    fc.assert(
      fc.property(
        asciiText,
        asciiText,
        fc.integer({ min: 1, max: 10_000 }),
        (value, groupId, totalWeight) => {
          expect(normalizedHash(value, groupId, 100)).toBe(normalizedStrategyValue(value, groupId));
          expect(normalizedHash(value, groupId, totalWeight, VARIANT_SEED)).toBe(
            normalizedVariantValue(value, groupId, totalWeight),
          );
        },
      ),
      { seed: 20, numRuns: 2000 },
    );
  });

  it('hashes the UTF-8 bytes of any text, ASCII fast path or not', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer(), (text, seed) => {
        expect(murmur3Utf8(text, seed >>> 0)).toBe(murmurhash3.x86.hash32(encoder.encode(text), seed >>> 0));
      }),
      { seed: 20, numRuns: 2000 },
    );
  });

  it('differs from the Node SDK for non-ASCII values, which it hashes by UTF-16 code unit', () => {
    // Unleash's Go, Java, Python and Rust-based SDKs hash UTF-8 bytes, as the engine does; unleash-client
    // for Node does not. Should either side change, this pin breaks.
    expect(normalizedHash('josé', 'g', 100)).toBe(33);
    expect(normalizedStrategyValue('josé', 'g')).toBe(45);
    expect(normalizedHash('北京', 'rollout', 100)).not.toBe(normalizedStrategyValue('北京', 'rollout'));
    expect(normalizedHash('jose', 'g', 100)).toBe(normalizedStrategyValue('jose', 'g'));
  });
});
