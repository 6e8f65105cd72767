import type { Json } from '../types.ts';

/**
 * Every field a JSON body holds, named below `root` the way findings name them: object keys joined
 * with `.`, array items as `[]` (`request.body.items[].name`), intermediate fields included. The root
 * itself is included: a body is there. Walked with a stack, so a deeply nested body cannot overflow.
 */
export function bodyFields(root: string, body: Json, into: Set<string> = new Set()): Set<string> {
  const stack: [string, Json][] = [[root, body]];
  while (stack.length > 0) {
    const [field, value] = stack.pop() ?? [root, null];
    into.add(field);
    if (Array.isArray(value)) {
      for (const item of value) stack.push([`${field}[]`, item]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) stack.push([`${field}.${key}`, child]);
    }
  }
  return into;
}
