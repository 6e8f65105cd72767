/**
 * A property of a value whose type is not known (a thrown error, a parsed document), or undefined
 * when the value is not an object. Lets code inspect such values without asserting their type.
 */
export function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** A string property of an unknown value, or undefined. */
export function stringPropertyOf(value: unknown, key: string): string | undefined {
  const property = propertyOf(value, key);
  return typeof property === 'string' ? property : undefined;
}

/** What a thrown value says: an Error's message, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
