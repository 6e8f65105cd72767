import { describe, expect, it } from 'vitest';
import { categoriesOf, categorize, defaultCategories } from './categories.ts';
import type { Category, StatusDetails, TestStatus } from './model.ts';

const result = (status: TestStatus, statusDetails: StatusDetails = {}) => ({ status, statusDetails });

const categories: Category[] = [
  { name: 'Gateway', matchedStatuses: ['failed', 'broken'], messageRegex: '.*402.*' },
  { name: 'Timeouts', matchedStatuses: ['broken'], traceRegex: '(?s).*TimeoutError.*' },
  { name: 'Flaky', matchedStatuses: ['failed'], flaky: true },
];

describe('categorize', () => {
  it('falls back to Allure defaults: product defects for failed, test defects for broken', () => {
    expect(defaultCategories.map(({ name }) => name)).toEqual(['Product defects', 'Test defects']);
    expect(categorize(result('failed', { message: 'nope' }), categories)).toBe('Product defects');
    expect(categorize(result('broken', { message: 'nope' }), [])).toBe('Test defects');
    expect(categorize(result('passed'), categories)).toBeUndefined();
    expect(categorize(result('skipped'), categories)).toBeUndefined();
  });

  it('matches a message regex against the whole message, as Java does', () => {
    expect(categorize(result('failed', { message: 'got 402 back' }), categories)).toBe('Gateway');
    expect(
      categorize(result('failed', { message: 'got 402 back' }), [{ name: 'Part', messageRegex: '402' }]),
    ).toBe('Product defects');
    // `.` does not cross lines unless the pattern says (?s).
    expect(categorize(result('failed', { message: 'line one\n402' }), categories)).toBe('Product defects');
  });

  it('takes only the statuses a category names, and any status when it names none', () => {
    expect(categorize(result('skipped', { message: '402' }), categories)).toBeUndefined();
    expect(categoriesOf(result('passed'), [{ name: 'Everything' }])).toEqual(['Everything']);
  });

  it('matches traces and flakiness, and lists every category that takes a result', () => {
    const timeout = result('broken', { message: 'HTTP 402', trace: 'at x\nTimeoutError: 5s\n at y' });
    expect(categoriesOf(timeout, categories)).toEqual(['Gateway', 'Timeouts']);
    expect(categorize(result('failed', { message: 'x', flaky: true }), categories)).toBe('Flaky');
  });

  it('reads a missing message as empty text and a bad regex as matching nothing', () => {
    expect(categorize(result('failed'), [{ name: 'Empty', messageRegex: '' }])).toBe('Empty');
    expect(categorize(result('failed', { message: 'x' }), [{ name: 'Bad', messageRegex: '(' }])).toBe(
      'Product defects',
    );
  });
});
