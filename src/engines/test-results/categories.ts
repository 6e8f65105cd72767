// Allure's categories: a failure belongs to every category whose statuses include its status and
// whose regexes match its whole message and trace (Java's `String.matches`). A failed or broken
// result that no category takes falls into Allure's defaults, "Product defects" and "Test defects".

import { RE2JS } from 're2js';
import type { Category, TestResult } from './model.ts';

export const productDefects: Category = { name: 'Product defects', matchedStatuses: ['failed'] };
export const testDefects: Category = { name: 'Test defects', matchedStatuses: ['broken'] };
export const defaultCategories: Category[] = [productDefects, testDefects];

const compiled = new Map<string, RE2JS>();

/**
 * Compiles a category's regex with RE2 semantics: linear time whatever the pattern, since
 * `categories.json` comes with the upload. Throws when the pattern is not a regular expression.
 */
export function compileCategoryRegex(pattern: string): RE2JS {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = RE2JS.compile(pattern);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Java's `text.matches(pattern)`: the pattern must match the whole text. A bad pattern matches nothing. */
function wholeMatch(pattern: string | undefined, text: string): boolean {
  if (pattern === undefined) return true;
  try {
    return compileCategoryRegex(pattern).matches(text);
  } catch {
    return false;
  }
}

type Categorized = Pick<TestResult, 'status' | 'statusDetails'>;

export function matchesCategory(result: Categorized, category: Category): boolean {
  const statuses = category.matchedStatuses ?? [];
  return (
    (statuses.length === 0 || statuses.includes(result.status)) &&
    wholeMatch(category.messageRegex, result.statusDetails.message ?? '') &&
    wholeMatch(category.traceRegex, result.statusDetails.trace ?? '') &&
    (!category.flaky || result.statusDetails.flaky === true)
  );
}

/**
 * The names of every category the result belongs to, in the order `categories` lists them; a failed
 * or broken result no category takes gets its default. A category without statuses takes results of
 * any status, passed ones included, as in Allure.
 */
export function categoriesOf(result: Categorized, categories: readonly Category[]): string[] {
  const names = categories.filter((category) => matchesCategory(result, category)).map(({ name }) => name);
  if (names.length > 0) return names;
  if (result.status === 'failed') return [productDefects.name];
  if (result.status === 'broken') return [testDefects.name];
  return [];
}

/** The result's category: the first that takes it (see `categoriesOf`), if any. */
export function categorize(result: Categorized, categories: readonly Category[]): string | undefined {
  return categoriesOf(result, categories)[0];
}
