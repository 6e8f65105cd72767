import { isObject } from '../document.ts';
import type { MediaTypeRule } from '../types.ts';

/**
 * Media types are compared by name; `application/json` and `application/json; charset=utf-8` are
 * the same essence (RFC 9110's type/subtype without parameters), which servers match on, so a
 * change of parameters is reported as a name change, not as one type removed and another added.
 */

type MediaTypeContext = Parameters<MediaTypeRule['check']>[1];

/** The type/subtype of a media type, lower case, without parameters. */
export function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The media types of the body or response the rule is looking at, on one side. */
function siblingsOf(context: MediaTypeContext, side: 'base' | 'revision'): string[] {
  const operation = context.operations[side];
  const parent =
    context.status === null
      ? context.resolve(side, operation?.requestBody)
      : context.resolve(
          side,
          isObject(operation?.responses) ? operation.responses[context.status] : undefined,
        );
  return isObject(parent) && isObject(parent.content) ? Object.keys(parent.content) : [];
}

/** The other media type of the same essence on a side, when the rule's one is missing there. */
export function sameEssenceOn(context: MediaTypeContext, side: 'base' | 'revision'): string | undefined {
  const wanted = essence(context.mediaType);
  return siblingsOf(context, side).find((other) => other !== context.mediaType && essence(other) === wanted);
}
