import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceAllureSample } from '../../test-support/allure-sample.ts';
import { categorize } from './categories.ts';
import { readJUnitReport, readResultsFolder } from './folder.ts';

const encode = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function filesOf(folder: string, prefix = ''): { path: string; bytes: Uint8Array }[] {
  return fs.readdirSync(folder).map((name) => ({
    path: `${prefix}${name}`,
    bytes: new Uint8Array(fs.readFileSync(path.join(folder, name))),
  }));
}

describe('readResultsFolder', () => {
  it('reads a folder: results with their containers’ fixtures, categories, environment, executor', () => {
    const read = readResultsFolder(
      filesOf(path.join(import.meta.dirname, 'fixtures/allure'), 'allure-results/'),
    );
    expect(read.problems).toEqual([]);
    expect(read.results).toHaveLength(1);
    expect(read.results[0]?.fixtures.map(({ kind, name }) => [kind, name])).toEqual([
      ['before', 'start the database'],
      ['after', 'stop the database'],
    ]);
    expect(read.categories.map(({ name }) => name)).toEqual([
      'Payment gateway down',
      'Timeouts',
      'Flaky ones',
    ]);
    expect(read.environment).toMatchObject({ Browser: 'Chromium 131' });
    expect(read.executor).toMatchObject({ name: 'GitLab CI', buildOrder: 812 });
    expect(read.results[0] && categorize(read.results[0], read.categories)).toBe('Payment gateway down');
  });

  it('gives nested containers’ fixtures in the order they ran', () => {
    const container = (uuid: string, children: string[], name: string) =>
      encode({
        uuid,
        children,
        befores: [{ name: `${name} setup`, status: 'passed' }],
        afters: [{ name: `${name} teardown`, status: 'passed' }],
      });
    const read = readResultsFolder([
      { path: 'r-result.json', bytes: encode({ uuid: 'r', name: 'test' }) },
      { path: 'inner-container.json', bytes: container('inner', ['r'], 'class') },
      { path: 'outer-container.json', bytes: container('outer', ['inner'], 'suite') },
      { path: 'loop-container.json', bytes: container('loop', ['loop'], 'loop') },
    ]);
    expect(read.results[0]?.fixtures.map(({ name }) => name)).toEqual([
      'suite setup',
      'class setup',
      'class teardown',
      'suite teardown',
    ]);
  });

  it('reports every bad file by name and still reads the others', () => {
    const read = readResultsFolder([
      { path: 'good-result.json', bytes: encode({ uuid: 'g', name: 'good', status: 'passed' }) },
      { path: 'a-result.json', bytes: encode('{"uuid": ') },
      { path: 'b-result.json', bytes: encode({ uuid: 'b', status: 'green' }) },
      { path: 'c-container.json', bytes: encode({ children: [] }) },
      { path: '__MACOSX/._good-result.json', bytes: new Uint8Array([0, 5, 22, 7]) },
      { path: 'x-attachment.png', bytes: new Uint8Array([137, 80, 78, 71]) },
    ]);
    expect(read.results.map(({ name }) => name)).toEqual(['good']);
    expect(read.problems).toEqual([
      { file: 'a-result.json', message: expect.stringMatching(/^not JSON: /) },
      { file: 'b-result.json', message: expect.stringMatching(/^status must be one of passed, failed/) },
      { file: 'c-container.json', message: 'uuid is missing (a string)' },
    ]);
  });

  it('reads a JUnit report the same way, a bad one as one problem', () => {
    expect(
      readJUnitReport('r.xml', encode('<testsuite><testcase name="t"/></testsuite>')).results,
    ).toHaveLength(1);
    expect(readJUnitReport('r.xml', encode('<testsuite>')).problems).toEqual([
      { file: 'r.xml', message: expect.stringMatching(/^not XML: /) },
    ]);
  });
});

describe('a results folder written by a real Allure adapter (allure-vitest)', () => {
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'allure-sample-'));
    await produceAllureSample(folder);
  }, 120_000);

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads every result with its status, retries sharing one history id', () => {
    const read = readResultsFolder(filesOf(folder));
    expect(read.problems).toEqual([]);
    const statuses = read.results.map(({ name, status }) => `${name}: ${status}`).sort();
    expect(statuses).toEqual([
      'adds an item to the cart: passed',
      'applies a discount: failed',
      'confirms the order: failed',
      'confirms the order: passed',
      'reserves stock: passed',
      'ships abroad: skipped',
      'talks to the payment gateway: broken',
    ]);
    const confirms = read.results.filter(({ name }) => name === 'confirms the order');
    expect(new Set(confirms.map(({ historyId }) => historyId)).size).toBe(1);
    expect(new Set(read.results.map(({ historyId }) => historyId)).size).toBe(6);
    const broken = read.results.find(({ status }) => status === 'broken');
    expect(broken?.statusDetails.message).toBe('gateway unreachable: ECONNREFUSED 127.0.0.1:9');
    expect(broken && categorize(broken, read.categories)).toBe('Test defects');
  });

  it('reads the steps tree, its parameters and attachments, and the labels', () => {
    const read = readResultsFolder(filesOf(folder));
    const cart = read.results.find(({ name }) => name === 'adds an item to the cart');
    expect(cart?.steps.map(({ name, status }) => [name, status])).toEqual([
      ['open the cart', 'passed'],
      ['add the item', 'passed'],
    ]);
    expect(cart?.steps[0]?.steps[0]).toMatchObject({
      name: 'load the session',
      parameters: [{ name: 'user', value: 'alice' }],
    });
    const attachment = cart?.steps[1]?.attachments[0];
    expect(attachment).toMatchObject({ name: 'cart', type: 'application/json' });
    expect(attachment && fs.readFileSync(path.join(folder, attachment.source), 'utf8')).toBe('{"items":1}');
    expect(cart?.parameters).toEqual([{ name: 'currency', value: 'EUR' }]);
    expect(cart?.labels).toEqual(
      expect.arrayContaining([
        { name: 'feature', value: 'cart' },
        { name: 'severity', value: 'critical' },
        { name: 'owner', value: 'shop-team' },
        { name: 'tag', value: 'smoke' },
      ]),
    );
    // Vitest's own retry shows as one result whose steps hold every attempt.
    const stock = read.results.find(({ name }) => name === 'reserves stock');
    expect(stock?.steps.map(({ name, status }) => [name, status])).toEqual([
      ['attempt 1', 'failed'],
      ['attempt 2', 'passed'],
    ]);
  });
});
