import { lookupPointer, refsBelow, sameJson } from './document.ts';
import { Fingerprints } from './fingerprint.ts';
import type { BothSides, Json, OpenApiDocument } from './types.ts';

/**
 * Which `$ref` targets differ between the two documents, directly or through anything they refer to.
 * Big contracts share a few hundred components across a thousand operations and change a handful of
 * them per release; knowing which refs are unchanged lets the diff skip everything that reaches only
 * those, which is most of the work.
 */
export class ChangedRefs {
  private readonly changed = new Set<string>();
  private readonly fingerprints = new Fingerprints((ref) => this.changed.has(ref));

  constructor(documents: BothSides<OpenApiDocument>) {
    const pending = [...refsBelow(documents.base), ...refsBelow(documents.revision)];
    const dependents = new Map<string, Set<string>>();
    const seen = new Set<string>();
    const selfChanged: string[] = [];
    while (pending.length > 0) {
      const ref = pending.pop() as string;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const base = lookupPointer(documents.base, ref);
      const revision = lookupPointer(documents.revision, ref);
      if (!sameJson(base, revision)) selfChanged.push(ref);
      for (const inner of new Set([...refsBelow(base), ...refsBelow(revision)])) {
        if (!dependents.has(inner)) dependents.set(inner, new Set());
        dependents.get(inner)?.add(ref);
        if (!seen.has(inner)) pending.push(inner);
      }
    }
    const queue = [...selfChanged];
    while (queue.length > 0) {
      const ref = queue.pop() as string;
      if (this.changed.has(ref)) continue;
      this.changed.add(ref);
      for (const dependent of dependents.get(ref) ?? []) queue.push(dependent);
    }
  }

  /** Whether a ref's target, or anything below it, differs between the documents. */
  isChanged(ref: string): boolean {
    return this.changed.has(ref);
  }

  /** Two nodes are identical, and so is everything they refer to: nothing below them can differ. */
  identical(base: Json | undefined, revision: Json | undefined): boolean {
    return this.fingerprints.identical(base, revision);
  }
}
