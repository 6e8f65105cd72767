import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultFileError } from './allure.ts';
import { readJUnit } from './junit.ts';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/junit', name)));
const bytes = (text: string) => new TextEncoder().encode(text);

function problem(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ResultFileError) return error.message;
    throw error;
  }
  throw new Error('expected the report to be refused');
}

describe('readJUnit', () => {
  it('reads a Surefire report: statuses, messages, times from the suite timestamp, labels', () => {
    const results = readJUnit('surefire.xml', fixture('surefire.xml'));
    expect(results.map(({ name, status }) => [name, status])).toEqual([
      ['chargesACard', 'passed'],
      ['refusesAnExpiredCard', 'failed'],
      ['talksToTheGateway', 'broken'],
      ['refunds', 'skipped'],
      ['retriesOnce', 'passed'],
    ]);
    const started = Date.parse('2026-12-01T10:00:00Z');
    expect(results[0]).toMatchObject({
      fullName: 'com.example.ChargeTest.chargesACard',
      start: started,
      stop: started + 1250,
      file: 'surefire.xml',
    });
    expect(results[1]).toMatchObject({
      start: started + 1250,
      stop: started + 1750,
      statusDetails: {
        message: 'expected: <402> but was: <200>',
        trace: expect.stringContaining('ChargeTest.java:31'),
      },
    });
    expect(results[2]?.statusDetails).toMatchObject({
      message: 'java.net.ConnectException: Connection refused',
      trace: expect.stringContaining('Gateway.java:12'),
    });
    expect(results[3]?.statusDetails).toEqual({ message: 'not ready' });
    expect(results[4]?.statusDetails).toEqual({ flaky: true });
    expect(results[0]?.labels).toEqual([
      { name: 'suite', value: 'com.example.ChargeTest' },
      { name: 'testClass', value: 'com.example.ChargeTest' },
      { name: 'testMethod', value: 'chargesACard' },
      { name: 'framework', value: 'junit' },
      { name: 'host', value: 'ci-runner-3' },
      { name: 'java.version', value: '21.0.5' },
      { name: 'owner', value: 'payments-team' },
    ]);
  });

  it('gives a test the same history id in every report, and other tests other ids', () => {
    const first = readJUnit('a.xml', fixture('surefire.xml'));
    const again = readJUnit('b.xml', fixture('surefire.xml'));
    expect(again.map((result) => result.historyId)).toEqual(first.map((result) => result.historyId));
    expect(new Set(first.map((result) => result.historyId)).size).toBe(first.length);
    expect(new Set(first.map((result) => result.uuid)).size).toBe(first.length);
  });

  it('reads a lone <testsuite> with nested suites, and no timestamp means no times unless given', () => {
    const results = readJUnit('single.xml', fixture('single-suite.xml'));
    expect(results.map(({ fullName, status }) => [fullName, status])).toEqual([
      ['math.adds', 'passed'],
      ['math.Div.divides', 'failed'],
    ]);
    expect(results[0]?.start).toBeUndefined();
    expect(results[1]?.statusDetails.message).toBe('division by zero');
    expect(results[1]?.labels.slice(0, 2)).toEqual([
      { name: 'suite', value: 'nested' },
      { name: 'parentSuite', value: 'math' },
    ]);
    const timed = readJUnit('single.xml', fixture('single-suite.xml'), { start: 1000 });
    expect(timed.map(({ start, stop }) => [start, stop])).toEqual([
      [1000, 1010],
      [1010, 1010 + 1_234_500],
    ]);
  });

  it('says why a file is not a JUnit report', () => {
    expect(problem(() => readJUnit('r.xml', bytes('<testsuite><testcase></testsuite>')))).toMatch(
      /^not XML: line 1, column \d+: /,
    );
    expect(problem(() => readJUnit('r.xml', bytes('{"not": "xml"}')))).toMatch(/^not XML: /);
    expect(problem(() => readJUnit('r.xml', bytes('<html><body/></html>')))).toBe(
      'not a JUnit report: no <testsuites> or <testsuite> element',
    );
  });

  it('reads an empty report as no results', () => {
    expect(readJUnit('r.xml', bytes('<testsuites/>'))).toEqual([]);
  });
});
