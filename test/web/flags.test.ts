import { describe, expect, it } from 'vitest';
import { layout } from '../../web/src/features/flags/graph-layout.ts';
import { barsOf } from '../../web/src/features/flags/metrics.ts';
import { cleanConstraints, moved, parseValue, valueText } from '../../web/src/features/flags/values.ts';

describe('flag values in inputs', () => {
  it('reads typed text as the flag type and writes it back', () => {
    expect(parseValue('true', 'boolean')).toBe(true);
    expect(parseValue('false', 'boolean')).toBe(false);
    expect(parseValue('12.5', 'number')).toBe(12.5);
    expect(parseValue('{"a": [1]}', 'json')).toEqual({ a: [1] });
    // JSON that does not parse yet stays as typed, for the API to name the problem.
    expect(parseValue('{"a": ', 'json')).toBe('{"a": ');
    expect(valueText({ a: 1 }, 'json')).toBe('{\n  "a": 1\n}');
    expect(valueText(null, 'string')).toBe('');
  });

  it('moves a rule up or down, never past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('drops the empty items a list keeps while being typed', () => {
    expect(cleanConstraints([{ values: ['NL', '', 'BE'] }, { value: 'x' }])).toEqual([
      { values: ['NL', 'BE'] },
      { value: 'x' },
    ]);
  });
});

describe('the evaluations chart', () => {
  it('stacks yes and no per period for a flag without variants', () => {
    const { bars, series } = barsOf({
      series: [
        { time: '2026-12-02T00:00:00.000Z', variant: '', yes: 3, no: 1 },
        { time: '2026-12-01T00:00:00.000Z', variant: '', yes: 1, no: 0 },
      ],
      totals: [],
      lastEvaluatedAt: null,
    });
    expect(series).toEqual(['yes', 'no']);
    expect(bars.map((bar) => [bar.time.slice(0, 10), bar.counts, bar.total])).toEqual([
      ['2026-12-01', { yes: 1, no: 0 }, 1],
      ['2026-12-02', { yes: 3, no: 1 }, 4],
    ]);
  });

  it('gives every day of the period a bar, quiet days empty', () => {
    const { bars } = barsOf(
      {
        series: [{ time: '2026-12-02T00:00:00.000Z', variant: '', yes: 2, no: 1 }],
        totals: [],
        lastEvaluatedAt: null,
      },
      { from: new Date('2026-12-01T10:00:00Z'), to: new Date('2026-12-03T09:00:00Z'), bucket: 'day' },
    );
    expect(bars.map((bar) => [bar.time.slice(0, 10), bar.total])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 3],
      ['2026-12-03', 0],
    ]);
  });

  it('stacks each variant when the flag serves variants', () => {
    const { bars, series } = barsOf({
      series: [
        { time: 't1', variant: 'blue', yes: 2, no: 0 },
        { time: 't1', variant: 'green', yes: 1, no: 0 },
      ],
      totals: [],
      lastEvaluatedAt: null,
    });
    expect(series).toEqual(['blue', 'green']);
    expect(bars[0]?.counts).toEqual({ blue: 2, green: 1 });
  });
});

describe('the prerequisite chain', () => {
  it('puts each flag in the column of its distance from the flag shown', () => {
    const { position } = layout('a', [
      { from: 'a', to: 'b', value: true },
      { from: 'a', to: 'c', value: true },
      { from: 'b', to: 'd', value: 'on' },
      { from: 'd', to: 'a', value: true },
    ]);
    const column = (key: string) => position.get(key)?.x;
    expect(column('b')).toBe(column('c'));
    expect(column('a')).toBeLessThan(column('b') ?? 0);
    expect(column('b')).toBeLessThan(column('d') ?? 0);
    expect(position.size).toBe(4);
  });
});
