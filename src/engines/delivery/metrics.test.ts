import { describe, expect, it } from 'vitest';
import { bucketStart, doraTier, percentile } from './metrics.ts';

const hour = 3_600_000;
const day = 24 * hour;

describe('percentile', () => {
  it('interpolates between the closest ranks, as percentile_cont does', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(percentile([10, 1, 4], 0.75)).toBe(7);
  });

  it('gives the extremes at 0 and 1, the value itself for one value, null for none', () => {
    expect(percentile([3, 9, 5], 0)).toBe(3);
    expect(percentile([3, 9, 5], 1)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('refuses a fraction outside 0 to 1, and leaves its input unsorted', () => {
    expect(() => percentile([1], 50)).toThrow(RangeError);
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('bucketStart', () => {
  it('starts weeks on Monday 00:00 UTC: a Sunday belongs to the Monday before', () => {
    expect(bucketStart('2024-03-10T23:59:59.999Z', 'week')).toBe('2024-03-04');
    expect(bucketStart('2024-03-11T00:00:00.000Z', 'week')).toBe('2024-03-11');
    expect(bucketStart('2024-03-06T12:00:00.000Z', 'week')).toBe('2024-03-04');
  });

  it('buckets in UTC, not in the offset written', () => {
    // Monday 00:30 at +01:00 is Sunday 23:30 UTC.
    expect(bucketStart('2024-03-11T00:30:00+01:00', 'week')).toBe('2024-03-04');
    expect(bucketStart('2024-12-31T23:30:00-01:00', 'month')).toBe('2025-01-01');
  });

  it('crosses the year boundary', () => {
    expect(bucketStart('2025-01-01T12:00:00.000Z', 'week')).toBe('2024-12-30');
    expect(bucketStart('2025-01-05T23:00:00.000Z', 'week')).toBe('2024-12-30');
  });

  it('starts months on the first, leap days included', () => {
    expect(bucketStart('2024-02-29T23:00:00.000Z', 'month')).toBe('2024-02-01');
    expect(bucketStart('2024-03-01T00:00:00.000Z', 'month')).toBe('2024-03-01');
  });
});

describe('doraTier', () => {
  it('rates deployment frequency: daily is elite, weekly high, monthly medium (edges included)', () => {
    expect(doraTier('deploymentFrequency', 3)).toBe('elite');
    expect(doraTier('deploymentFrequency', 1)).toBe('elite');
    expect(doraTier('deploymentFrequency', 0.99)).toBe('high');
    expect(doraTier('deploymentFrequency', 1 / 7)).toBe('high');
    expect(doraTier('deploymentFrequency', 1 / 30)).toBe('medium');
    expect(doraTier('deploymentFrequency', 1 / 31)).toBe('low');
    expect(doraTier('deploymentFrequency', 0)).toBe('low');
  });

  it('rates lead time: under a day elite, under a week high, under a month medium', () => {
    expect(doraTier('leadTime', day - 1)).toBe('elite');
    expect(doraTier('leadTime', day)).toBe('high');
    expect(doraTier('leadTime', 7 * day - 1)).toBe('high');
    expect(doraTier('leadTime', 7 * day)).toBe('medium');
    expect(doraTier('leadTime', 30 * day)).toBe('low');
  });

  it('rates change failure rate: at most 5 % elite, 10 % high, 15 % medium', () => {
    expect(doraTier('changeFailureRate', 0)).toBe('elite');
    expect(doraTier('changeFailureRate', 0.05)).toBe('elite');
    expect(doraTier('changeFailureRate', 0.051)).toBe('high');
    expect(doraTier('changeFailureRate', 0.1)).toBe('high');
    expect(doraTier('changeFailureRate', 0.15)).toBe('medium');
    expect(doraTier('changeFailureRate', 0.151)).toBe('low');
  });

  it('rates time to restore: under an hour elite, under a day high, under a week medium', () => {
    expect(doraTier('timeToRestore', hour - 1)).toBe('elite');
    expect(doraTier('timeToRestore', hour)).toBe('high');
    expect(doraTier('timeToRestore', day)).toBe('medium');
    expect(doraTier('timeToRestore', 7 * day - 1)).toBe('medium');
    expect(doraTier('timeToRestore', 7 * day)).toBe('low');
  });

  it('has no tier without a value', () => {
    expect(doraTier('leadTime', null)).toBeNull();
    expect(doraTier('changeFailureRate', Number.NaN)).toBeNull();
  });
});
