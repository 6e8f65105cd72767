import type { FlagValue, FlagValueType } from './types.ts';

/** A flag value as text in an input: JSON for json flags, plain text otherwise. */
export function valueText(value: FlagValue, type: FlagValueType): string {
  if (type === 'json') return JSON.stringify(value ?? null, null, 2);
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Reads a value typed into an input as the flag's type. JSON that does not parse is kept as text,
 * so the API names the problem at its path rather than the screen guessing.
 */
export function parseValue(text: string, type: FlagValueType): FlagValue {
  if (type === 'boolean') return text === 'true';
  if (type === 'number') return text.trim() === '' ? 0 : Number(text);
  if (type === 'json') {
    try {
      return JSON.parse(text) as FlagValue;
    } catch {
      return text;
    }
  }
  return text;
}

/** A value as one short line, for lists and the evaluation answer. */
export function showValue(value: FlagValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A fresh id for a new rule, so that it keeps its place (and its React key) while being edited. */
export function newRuleId(): string {
  return `rule-${Math.random().toString(36).slice(2, 10)}`;
}

/** Moves the item at `from` by `step` places (−1 up, +1 down), answering a new array. */
export function moved<T>(items: readonly T[], from: number, step: number): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The items with the one at `index` replaced. */
export function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, at) => (at === index ? item : current));
}

/** The items without the one at `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

/** Drops the empty items a typed list keeps while its author is still typing. */
export function cleanConstraints<C extends { values?: string[] }>(constraints: readonly C[]): C[] {
  return constraints.map((constraint) =>
    constraint.values
      ? { ...constraint, values: constraint.values.filter((value) => value !== '') }
      : constraint,
  );
}
