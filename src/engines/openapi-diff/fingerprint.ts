import { isObject } from './document.ts';
import type { Json, JsonObject } from './types.ts';

/** Two independent 32-bit FNV-1a style hashes of a value's canonical form (object keys sorted). */
export interface Fingerprint {
  low: number;
  high: number;
  /** A `$ref` somewhere below points at something that differs between the documents. */
  reachesChange: boolean;
}

function mix(hash: number, value: number, prime: number): number {
  return Math.imul(hash ^ value, prime) >>> 0;
}

function hashText(text: string, seed: number, prime: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) hash = mix(hash, text.charCodeAt(index), prime);
  return hash;
}

const lowPrime = 16777619;
const highPrime = 2246822519;

/**
 * Fingerprints of JSON nodes, computed once per node and remembered, so that asking whether two
 * subtrees are the same costs a lookup instead of a walk. Comparing every level of a large contract
 * by serialising it would cost the size of the subtree at each level; this costs the size once.
 */
export class Fingerprints {
  private readonly memo = new WeakMap<object, Fingerprint>();

  constructor(private readonly isChangedRef: (ref: string) => boolean) {}

  of(node: Json | undefined): Fingerprint {
    if (node === null || typeof node !== 'object') {
      const text = node === undefined ? 'u' : `${typeof node}:${String(node)}`;
      return {
        low: hashText(text, 2166136261, lowPrime),
        high: hashText(text, 3323198485, highPrime),
        reachesChange: false,
      };
    }
    const known = this.memo.get(node);
    if (known) return known;
    const fingerprint = Array.isArray(node) ? this.ofList(node) : this.ofObject(node);
    this.memo.set(node, fingerprint);
    return fingerprint;
  }

  private ofList(list: Json[]): Fingerprint {
    let low = 0x811c9dc5;
    let high = 0x9e3779b9;
    let reachesChange = false;
    for (const item of list) {
      const inner = this.of(item);
      low = mix(low, inner.low, lowPrime);
      high = mix(high, inner.high, highPrime);
      reachesChange ||= inner.reachesChange;
    }
    return { low: mix(low, 0x5b, lowPrime), high: mix(high, 0x5b, highPrime), reachesChange };
  }

  private ofObject(object: JsonObject): Fingerprint {
    let low = 0x01000193;
    let high = 0x85ebca6b;
    let reachesChange = typeof object.$ref === 'string' && this.isChangedRef(object.$ref);
    for (const key of Object.keys(object).sort()) {
      const inner = this.of(object[key]);
      low = mix(mix(low, hashText(key, 2166136261, lowPrime), lowPrime), inner.low, lowPrime);
      high = mix(mix(high, hashText(key, 3323198485, highPrime), highPrime), inner.high, highPrime);
      reachesChange ||= inner.reachesChange;
    }
    return { low: mix(low, 0x7b, lowPrime), high: mix(high, 0x7b, highPrime), reachesChange };
  }

  /** Both nodes are the same data and reach no changed reference: nothing below them can differ. */
  identical(base: Json | undefined, revision: Json | undefined): boolean {
    if (isObject(base) !== isObject(revision)) return false;
    const left = this.of(base);
    if (left.reachesChange) return false;
    const right = this.of(revision);
    return left.low === right.low && left.high === right.high && !right.reachesChange;
  }
}
