import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyAllureFile,
  deriveHistoryId,
  ResultFileError,
  readAllureContainer,
  readAllureResult,
  readCategories,
  readEnvironmentProperties,
  readExecutor,
} from './allure.ts';

const folder = path.join(import.meta.dirname, 'fixtures/allure');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(folder, name)));
const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function problem(read: () => unknown): { file: string; message: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof ResultFileError) return { file: error.file, message: error.message };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('classifyAllureFile', () => {
  it.each([
    ['3c1f0a52-result.json', 'result'],
    ['allure-results/3c1f0a52-result.json', 'result'],
    ['a\\b\\7d2e1b63-container.json', 'container'],
    ['categories.json', 'categories'],
    ['environment.properties', 'environment'],
    ['executor.json', 'executor'],
    ['1b2c3d4e-attachment.png', 'attachment'],
    ['history/history-trend.json', 'other'],
    ['__MACOSX/allure-results/._3c1f0a52-result.json', 'other'],
    ['._3c1f0a52-result.json', 'other'],
  ])('reads %s as %s', (file, kind) => {
    expect(classifyAllureFile(file)).toBe(kind);
  });
});

describe('readAllureResult', () => {
  it('reads a result as an Allure adapter writes it, ignoring fields it does not know', () => {
    const result = readAllureResult('3c1f0a52-result.json', fixture('3c1f0a52-result.json'));
    expect(result).toMatchObject({
      uuid: '3c1f0a52-8f7e-4a64-9d3b-2f4a7f9d1c01',
      historyId: '0f1c6a1e1d0b5c3b:d41d8cd98f00b204e9800998ecf8427e',
      testCaseId: '0f1c6a1e1d0b5c3b',
      fullName: 'payments/charge.spec.ts#payments charges a card',
      name: 'charges a card',
      status: 'failed',
      statusDetails: { message: 'expected 402 to be 200' },
      start: 1765000000000,
      stop: 1765000000250,
      description: 'Charges a saved card.',
      labels: expect.arrayContaining([{ name: 'severity', value: 'critical' }]),
      links: [{ name: 'PAY-12', url: 'https://issues.example/PAY-12', type: 'issue' }],
      parameters: [
        { name: 'currency', value: 'EUR' },
        { name: 'attempt', value: '1', excluded: true },
      ],
      attachments: [{ name: 'log', source: '1b2c3d4e-attachment.txt', type: 'text/plain' }],
      fixtures: [],
      file: '3c1f0a52-result.json',
    });
    expect(result).not.toHaveProperty('someAdapterField');
    expect(result.steps.map((step) => step.name)).toEqual(['open a session', 'charge']);
    expect(result.steps[1]).toMatchObject({
      status: 'failed',
      parameters: [{ name: 'card', value: '****', mode: 'masked' }],
      steps: [
        {
          name: 'POST /charges',
          attachments: [{ name: 'response', source: '9a8b7c6d-attachment.json', type: 'application/json' }],
        },
      ],
    });
  });

  it('fills what a sparse result leaves out as Allure does', () => {
    const result = readAllureResult(
      'a-result.json',
      bytes({ uuid: 'u1', name: 'adds', fullName: 'math adds' }),
    );
    expect(result).toEqual({
      uuid: 'u1',
      historyId: deriveHistoryId('math adds'),
      fullName: 'math adds',
      name: 'adds',
      status: 'unknown',
      statusDetails: {},
      labels: [],
      links: [],
      parameters: [],
      steps: [],
      attachments: [],
      fixtures: [],
      file: 'a-result.json',
    });
    expect(
      readAllureResult('b-result.json', bytes({ uuid: 'u2', name: 'x', start: null, labels: null })),
    ).toMatchObject({
      fullName: 'x',
      labels: [],
    });
  });

  it('reads a step holding only an attachment, as allure-js-commons 3 writes one, as its parent’s attachment', () => {
    const result = readAllureResult(
      'a-result.json',
      bytes({
        uuid: 'u1',
        name: 'x',
        status: 'passed',
        steps: [
          {
            name: 'cart',
            attachments: [{ name: 'cart', source: 'c-attachment.json', type: 'application/json' }],
          },
          { name: 'checked', status: 'passed', steps: [] },
        ],
      }),
    );
    expect(result.steps.map(({ name }) => name)).toEqual(['checked']);
    expect(result.attachments).toEqual([
      { name: 'cart', source: 'c-attachment.json', type: 'application/json' },
    ]);
  });

  it('gives the same test with other parameters another history id, and excluded parameters none', () => {
    const base = deriveHistoryId('math adds', [{ name: 'n', value: '1' }]);
    expect(deriveHistoryId('math adds', [{ name: 'n', value: '2' }])).not.toBe(base);
    expect(
      deriveHistoryId('math adds', [
        { name: 'n', value: '1' },
        { name: 'attempt', value: '3', excluded: true },
      ]),
    ).toBe(base);
  });

  it.each([
    ['{"uuid": "u1",', 'not JSON: '],
    ['[1, 2]', 'the file must be an object (got [1,2])'],
    ['{"name": "x"}', 'uuid is missing (a string)'],
    [
      '{"uuid": "u1", "status": "ok"}',
      'status must be one of passed, failed, broken, skipped, unknown (got "ok")',
    ],
    ['{"uuid": "u1", "labels": [{"name": "tag", "value": 3}]}', 'labels[0].value must be a string (got 3)'],
    [
      '{"uuid": "u1", "steps": [{"name": "a", "steps": [{"status": "green"}]}]}',
      'steps[0].steps[0].status must be one of passed, failed, broken, skipped, unknown (got "green")',
    ],
    ['{"uuid": "u1", "start": "yesterday"}', 'start must be a number (got "yesterday")'],
  ])('says what is wrong with %s', (text, message) => {
    const refused = problem(() => readAllureResult('bad-result.json', bytes(text)));
    expect(refused.file).toBe('bad-result.json');
    expect(refused.message.startsWith(message), refused.message).toBe(true);
  });
});

describe('the other files of a results folder', () => {
  it('reads a container: its children and its setup and teardown fixtures', () => {
    const container = readAllureContainer('7d2e1b63-container.json', fixture('7d2e1b63-container.json'));
    expect(container).toMatchObject({
      uuid: '7d2e1b63-1111-4a64-9d3b-2f4a7f9d1c02',
      name: 'payments',
      children: ['3c1f0a52-8f7e-4a64-9d3b-2f4a7f9d1c01'],
      fixtures: [
        { kind: 'before', name: 'start the database', status: 'passed', start: 1764999999000 },
        { kind: 'after', name: 'stop the database', status: 'broken', statusDetails: { message: 'timeout' } },
      ],
    });
    expect(
      problem(() => readAllureContainer('c-container.json', bytes({ uuid: 'c', children: 'r1' }))),
    ).toEqual({
      file: 'c-container.json',
      message: 'children must be an array (got "r1")',
    });
  });

  it('reads categories and refuses a regex that does not compile', () => {
    expect(readCategories('categories.json', fixture('categories.json'))).toEqual([
      { name: 'Payment gateway down', matchedStatuses: ['failed', 'broken'], messageRegex: '.*402.*' },
      { name: 'Timeouts', matchedStatuses: ['broken'], traceRegex: '(?s).*TimeoutError.*' },
      { name: 'Flaky ones', flaky: true },
    ]);
    const refused = problem(() =>
      readCategories('categories.json', bytes([{ name: 'x', messageRegex: '(' }])),
    );
    expect(refused.message).toMatch(/^\[0\]\.messageRegex is not a regular expression: /);
    expect(problem(() => readCategories('categories.json', bytes({ name: 'x' }))).message).toBe(
      'the file must be an array (got {"name":"x"})',
    );
  });

  it('reads environment.properties in the Java properties format', () => {
    expect(readEnvironmentProperties('environment.properties', fixture('environment.properties'))).toEqual({
      Browser: 'Chromium 131',
      'node.version': '20.20.2',
      stage: 'staging',
      url: 'https://staging.example/a=b',
      multi: 'one two',
      unicode: 'café',
    });
  });

  it('reads executor.json', () => {
    expect(readExecutor('executor.json', fixture('executor.json'))).toEqual({
      name: 'GitLab CI',
      type: 'gitlab',
      url: 'https://gitlab.example',
      buildOrder: 812,
      buildName: 'pipeline 812',
      buildUrl: 'https://gitlab.example/p/-/pipelines/812',
      reportName: 'Allure',
    });
    expect(problem(() => readExecutor('executor.json', bytes({ buildOrder: 'first' }))).message).toBe(
      'buildOrder must be a number (got "first")',
    );
  });
});
