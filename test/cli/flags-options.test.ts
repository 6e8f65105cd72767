// How `shipshape flags` reads the values people type: prerequisites, ramp steps and percentages.
import { describe, expect, it } from 'vitest';
import { prerequisiteOf, rampSteps } from '../../src/cli/flag-change-commands.ts';
import { percentOption } from '../../src/cli/flag-support.ts';

describe('flag command options', () => {
  it('reads a prerequisite value as JSON when it is, else as the variant name written', () => {
    expect(prerequisiteOf('checkout=true')).toEqual({ flagKey: 'checkout', value: true });
    expect(prerequisiteOf('checkout=false')).toEqual({ flagKey: 'checkout', value: false });
    expect(prerequisiteOf('limit=10')).toEqual({ flagKey: 'limit', value: 10 });
    expect(prerequisiteOf('theme=dark')).toEqual({ flagKey: 'theme', value: 'dark' });
    expect(prerequisiteOf('theme="42"')).toEqual({ flagKey: 'theme', value: '42' });
    expect(prerequisiteOf('checkout')).toEqual({ flagKey: 'checkout', value: true });
  });

  it('sorts ramp steps by time and refuses what is not TIME=PERCENT', () => {
    expect(rampSteps('2026-12-11T09:00Z=10, 2026-12-10T09:00Z=0.5')).toEqual([
      { at: '2026-12-10T09:00:00.000Z', percentage: 0.5 },
      { at: '2026-12-11T09:00:00.000Z', percentage: 10 },
    ]);
    expect(() => rampSteps('10')).toThrow('--steps: "10" is not TIME=PERCENT');
    expect(() => rampSteps('2026-12-10T09:00Z=101')).toThrow(
      '--steps must be a percentage from 0 to 100, not "101"',
    );
  });

  it('takes percentages in hundredths, with or without %', () => {
    expect(percentOption('12.5', '--percent')).toBe(12.5);
    expect(percentOption('0.01%', '--percent')).toBe(0.01);
    expect(percentOption('100', '--percent')).toBe(100);
    expect(() => percentOption('0.001', '--percent')).toThrow('--percent takes steps of 0.01, not "0.001"');
    expect(() => percentOption('-1', '--percent')).toThrow('from 0 to 100');
    expect(() => percentOption('half', '--percent')).toThrow('from 0 to 100');
  });
});
