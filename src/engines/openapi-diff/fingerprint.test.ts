import { describe, expect, it } from 'vitest';
import { Fingerprints } from './fingerprint.ts';

describe('fingerprints of contract nodes', () => {
  const fingerprints = new Fingerprints((ref) => ref === '#/components/schemas/Changed');

  it('ignores key order and tells apart values, types and nesting', () => {
    expect(fingerprints.identical({ a: 1, b: [1, 'x'] }, { b: [1, 'x'], a: 1 })).toBe(true);
    expect(fingerprints.identical({ a: 1 }, { a: '1' })).toBe(false);
    expect(fingerprints.identical({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(fingerprints.identical({ a: { b: null } }, { a: { b: false } })).toBe(false);
    expect(fingerprints.identical({ ab: 'c' }, { a: 'bc' })).toBe(false);
  });

  it('never calls two nodes identical when one reaches a changed reference', () => {
    const node = { items: { $ref: '#/components/schemas/Changed' } };
    expect(fingerprints.identical(node, structuredClone(node))).toBe(false);
    const stable = { items: { $ref: '#/components/schemas/Stable' } };
    expect(fingerprints.identical(stable, structuredClone(stable))).toBe(true);
  });
});
