import { type RefObject, useLayoutEffect } from 'react';

/** Below this width the margin stacks under the document, so nothing is aligned. */
export const stackedQuery = '(max-width: 760px)';

/**
 * Moves each item of the margin column down to the height of what it is about in the document: the
 * element named by its `data-align-to`, or `data-align-offset` pixels below the document's top. An
 * item never overlaps the one above it; on phones, where the margin stacks, nothing moves.
 */
export function useMarginAlignment(
  margin: RefObject<HTMLElement | null>,
  documentRef: RefObject<HTMLElement | null>,
  changed: unknown,
) {
  // `changed` names what moved in the document or the margin: then the items are aligned anew.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `changed` is the trigger itself
  useLayoutEffect(() => {
    const column = margin.current;
    const body = documentRef.current;
    if (!column || !body) return;
    const align = () => alignItems(column, body);
    align();
    const observer = new ResizeObserver(align);
    observer.observe(body);
    for (const item of column.querySelectorAll('[data-align-to],[data-align-offset]')) observer.observe(item);
    window.addEventListener('resize', align);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', align);
    };
  }, [margin, documentRef, changed]);
}

function alignItems(column: HTMLElement, body: HTMLElement): void {
  const stacked = window.matchMedia(stackedQuery).matches;
  for (const item of column.querySelectorAll<HTMLElement>('[data-align-to],[data-align-offset]')) {
    item.style.marginTop = '';
    if (stacked) continue;
    const wanted = targetTop(item, body);
    if (wanted === null) continue;
    const natural = item.getBoundingClientRect().top;
    if (wanted > natural) item.style.marginTop = `${Math.round(wanted - natural)}px`;
  }
}

function targetTop(item: HTMLElement, body: HTMLElement): number | null {
  const { alignTo, alignOffset } = item.dataset;
  if (alignOffset !== undefined) return body.getBoundingClientRect().top + Number(alignOffset);
  const target = alignTo ? document.getElementById(alignTo) : null;
  return target ? target.getBoundingClientRect().top : null;
}
