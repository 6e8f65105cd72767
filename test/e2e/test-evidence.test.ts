import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  type BrowserSession,
  chromiumPath,
  hasChromium,
  openBrowser,
  type Server,
  screenshot,
  startServer,
} from './support.ts';

const owner = { email: 'tess@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };
// A real PNG to attach as the failing step's screenshot: one the UI suite already keeps.
const screenshotPng = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/ui/project.png'));

type Status = 'passed' | 'failed' | 'broken' | 'skipped';

interface AllureStep {
  name: string;
  status: Status;
  stage: 'finished';
  start: number;
  stop: number;
  statusDetails?: { message: string };
  parameters: { name: string; value: string }[];
  attachments: { name: string; source: string; type: string }[];
  steps: AllureStep[];
}

function step(name: string, status: Status, start: number, extra: Partial<AllureStep> = {}): AllureStep {
  return {
    name,
    status,
    stage: 'finished',
    start,
    stop: start + 120,
    parameters: [],
    attachments: [],
    steps: [],
    ...extra,
  };
}

/** One test's result file as an Allure adapter writes it (allure-js-commons' TestResult). */
function result(
  uuid: string,
  name: string,
  status: Status,
  start: number,
  steps: AllureStep[] = [],
  message?: string,
) {
  const fullName = `checkout/payment.test.ts#Checkout ${name}`;
  return {
    uuid,
    historyId: `history-${name.replace(/\W+/g, '-')}`,
    testCaseId: `case-${name.replace(/\W+/g, '-')}`,
    name,
    fullName,
    status,
    stage: 'finished',
    start,
    stop: start + 900,
    statusDetails: message ? { message, trace: `Error: ${message}\n    at payment.test.ts:42:7` } : {},
    labels: [
      { name: 'suite', value: 'Checkout' },
      { name: 'feature', value: 'Payments' },
      { name: 'severity', value: 'critical' },
      { name: 'owner', value: 'payments-team' },
    ],
    parameters: [],
    links: [{ name: 'PAY-12', url: 'https://issues.example.com/PAY-12', type: 'issue' }],
    steps,
    attachments: [],
  };
}

/**
 * A zipped allure-results folder of three tests; in a failing run the card payment fails at its
 * last step, with a screenshot and a log attached to that step.
 */
function allureZip(run: number, cardFails: boolean): Uint8Array {
  const start = Date.UTC(2026, 11, 1 + run, 9, 0, 0);
  const cardSteps = [
    step('Open the cart', 'passed', start),
    step('Enter card details', 'passed', start + 150, {
      parameters: [{ name: 'card', value: '4242 4242 4242 4242' }],
    }),
    step('Submit payment', cardFails ? 'failed' : 'passed', start + 300, {
      ...(cardFails ? { statusDetails: { message: 'expected 200, got 502 from the payment provider' } } : {}),
      attachments: cardFails
        ? [
            { name: 'Checkout page', source: `shot-${run}-attachment.png`, type: 'image/png' },
            { name: 'Provider log', source: `log-${run}-attachment.txt`, type: 'text/plain' },
          ]
        : [],
      steps: [step('Wait for the receipt', cardFails ? 'failed' : 'passed', start + 320)],
    }),
  ];
  const files: Record<string, Uint8Array> = {
    [`card-${run}-result.json`]: json(
      result(
        `card-${run}`,
        'pays by card',
        cardFails ? 'failed' : 'passed',
        start,
        cardSteps,
        cardFails ? 'expected 200, got 502 from the payment provider' : undefined,
      ),
    ),
    [`coupon-${run}-result.json`]: json(
      result(`coupon-${run}`, 'applies a coupon', 'passed', start + 1000, [
        step('Apply SAVE10', 'passed', start + 1000),
      ]),
    ),
    [`abroad-${run}-result.json`]: json(result(`abroad-${run}`, 'ships abroad', 'skipped', start + 2000)),
    'environment.properties': strToU8('browser=chromium\nnode=20\n'),
  };
  if (cardFails) {
    files[`shot-${run}-attachment.png`] = new Uint8Array(screenshotPng);
    files[`log-${run}-attachment.txt`] = strToU8('POST /pay -> 502 Bad Gateway\n');
  }
  return zipSync(files);
}

function json(value: unknown): Uint8Array {
  return strToU8(JSON.stringify(value));
}

interface Run {
  id: string;
  status: string;
  importErrors: { file: string; message: string }[];
}

/** Uploads an archive as CI would (the raw body, streamed by fetch), then waits for its import. */
async function uploadRun(server: Server, projectId: string, zip: Uint8Array, query: Record<string, string>) {
  const response = await fetch(
    `${server.url}/api/v1/projects/${projectId}/test-runs?${new URLSearchParams(query)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/zip' },
      body: zip,
    },
  );
  const text = await response.text();
  expect(response.status, text).toBe(202);
  const run: Run = JSON.parse(text);
  return waitForImport(server, projectId, run.id);
}

async function waitForImport(server: Server, projectId: string, runId: string): Promise<Run> {
  let run: Run | undefined;
  await expect
    .poll(async () => {
      run = await api<Run>(server, 'GET', `/api/v1/projects/${projectId}/test-runs/${runId}`);
      return run.status;
    }, patience)
    .toMatch(/^(imported|failed)$/);
  if (run?.status !== 'imported') throw new Error(`the import failed: ${JSON.stringify(run?.importErrors)}`);
  return run;
}

if (!hasChromium) {
  console.warn(`Skipping the test evidence browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('test evidence in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'test-evidence');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads results, shows the runs and their trend, a run with its new failure and gate, and a test with its steps and history', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Storefront',
      key: 'SHOP',
    });
    await api(server, 'POST', `/api/v1/projects/${project.id}/plan/code-review-automation/quality-gates`, {
      name: 'Nightly tests',
      stage: 'pre-deploy',
      threshold: 'passRate >= 50%, maxDuration <= 30s',
    });
    // The branch's first run passes: the next run's failure is then new.
    await uploadRun(server, project.id, allureZip(1, false), { branch: 'main', commit: 'a1b2c3d4e5f6' });

    const { page, errors } = await browser.signIn(owner);
    await page.goto(`${server.url}/projects/${project.id}`);
    const section = page.getByRole('region', { name: 'Test runs' });
    await section.getByRole('link', { name: 'Test runs' }).click();
    await page.getByRole('heading', { name: 'Test runs', level: 1 }).waitFor();

    // The second run through the upload form: the file itself is the request body.
    await page.getByRole('button', { name: 'Upload results' }).click();
    const form = page.getByRole('form', { name: 'Upload test results' });
    await form.getByLabel('Results file').setInputFiles({
      name: 'allure-results.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(allureZip(2, true)),
    });
    await form.getByLabel('Commit').fill('b2c3d4e5f6a7');
    await form.getByLabel('Branch').fill('main');
    await form.getByLabel('Pipeline URL').fill('https://ci.example.com/pipelines/812');
    await form.getByRole('button', { name: 'Upload' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'Uploaded' });
    await outcome.getByText(/1 failed/).waitFor(patience);
    const failingRunId =
      /\/tests\/runs\/([^/?#]+)/.exec((await outcome.getByRole('link').getAttribute('href')) ?? '')?.[1] ??
      '';
    expect(failingRunId).not.toBe('');

    // The list: both runs, the trend chart described in words and in a table.
    const runs = page.getByRole('table', { name: 'Test runs, newest first' });
    await expect.poll(() => runs.getByRole('row').count(), patience).toBe(3);
    await page.getByRole('img', { name: /2 runs over/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'tests');
    await page.getByLabel('Status').selectOption('failed');
    await runs.waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('');

    // The failing run: one bar by status, its new failure, the gate failing then passing.
    await page.getByRole('table', { name: 'Test runs, newest first' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /main/, level: 1 }).waitFor();
    await page.getByRole('img', { name: /3 tests: 1 passed, 1 failed, 1 skipped/ }).waitFor();
    const newFailures = page.getByRole('region', { name: 'New failures' });
    await newFailures.getByRole('link', { name: 'pays by card' }).waitFor();
    await page.getByRole('region', { name: 'Failures by category' }).getByText('Product defects').waitFor();
    const gate = page.getByRole('form', { name: 'Evaluate a gate' });
    await gate.getByLabel('Conditions').fill('failures = 0, newFailures = 0');
    await gate.getByRole('button', { name: 'Evaluate gate' }).click();
    const verdict = page.getByRole('region', { name: 'Gate' }).getByRole('status');
    await verdict.getByText('Gate failed').waitFor();
    // Each failed condition is named with the figure the run has.
    await verdict
      .getByRole('listitem')
      .filter({ hasText: /^failures = 0: .*\(actual 1\)$/ })
      .waitFor();
    await verdict
      .getByRole('listitem')
      .filter({ hasText: /^newFailures = 0: .*\(actual 1\)$/ })
      .waitFor();
    await page.evaluate(`document.getElementById('test-gate-heading').scrollIntoView()`);
    await screenshot(page, 'test-run-gate-failed');
    await gate
      .getByLabel('Or a quality gate of the plan')
      .selectOption({ label: 'Nightly tests (passRate >= 50%, maxDuration <= 30s)' });
    await gate.getByRole('button', { name: 'Evaluate gate' }).click();
    await verdict.getByText('Gate passed').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'test-run');

    // The failing test: its steps (opened down to the failure), the screenshot inline, the log as a download.
    await newFailures.getByRole('link', { name: 'pays by card' }).click();
    await page.getByRole('heading', { name: 'pays by card', level: 1 }).waitFor();
    const steps = page.getByRole('region', { name: 'Steps' });
    await steps.getByText('Wait for the receipt').waitFor();
    await steps.getByText('4242 4242 4242 4242').waitFor();
    const image = steps.getByRole('img', { name: 'Checkout page' });
    // The screenshot is loaded from the attachment route (lazily, so once it is in view).
    await image.scrollIntoViewIfNeeded();
    const naturalWidth = `document.querySelector('img[alt="Checkout page"]')?.naturalWidth ?? 0`;
    await expect.poll(() => page.evaluate(naturalWidth), patience).toBeGreaterThan(0);
    const log = steps.getByRole('link', { name: 'Provider log' });
    expect(await log.getAttribute('download')).toBe('Provider log');
    await steps.getByRole('button', { name: 'Collapse all' }).click();
    await steps.getByText('Wait for the receipt').waitFor({ state: 'detached' });
    await steps.getByRole('button', { name: /Submit payment/ }).click();
    await steps.getByText('Wait for the receipt').waitFor();
    await page.evaluate(`document.getElementById('test-failure-heading').scrollIntoView()`);
    await screenshot(page, 'test-scenario');

    // A third run where it passes again: the history strip shows the flip, and the test counts as flaky.
    await uploadRun(server, project.id, allureZip(3, false), { branch: 'main', commit: 'c3d4e5f6a7b8' });
    await page.reload();
    const history = page.getByRole('list', { name: /Last 3 runs/ });
    await history.getByRole('link', { name: /failed/ }).waitFor(patience);
    await history
      .getByRole('link', { name: /passed/ })
      .last()
      .click();
    await expect.poll(() => page.url()).not.toContain(failingRunId);
    await page.getByRole('heading', { name: 'pays by card', level: 1 }).waitFor();

    await page.goto(`${server.url}/projects/${project.id}/tests/flaky`);
    const flaky = page.getByRole('table', { name: /Flaky tests/ });
    await flaky.getByText('checkout/payment.test.ts#Checkout pays by card').waitFor(patience);
    await screenshot(page, 'tests-flaky');
    expect(errors).toEqual([]);

    // On a phone, the run's tables become cards.
    const phone = await browser.signIn(owner, 390);
    await phone.page.goto(`${server.url}/projects/${project.id}/tests/runs/${failingRunId}`);
    await phone.page
      .getByRole('region', { name: 'New failures' })
      .getByRole('link', { name: 'pays by card' })
      .waitFor();
    await screenshot(phone.page, 'test-run-phone');
    expect(phone.errors).toEqual([]);
  });
});
