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

const owner = { email: 'tara@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };

const prdContent = `# Refunds v2

## Problem
Refunds take three days to reach customers.

## Goals
- Refund within one hour.

## Requirements
- Refunds are sent to the provider within 5 minutes of approval.
- A customer sees the refund's state on the order page.

## Success metrics
- 95% of refunds reach customers within one hour.
`;

/** A JUnit report of two tests, one of them failing: the run a gate of `failures = 0` refuses. */
const junitReport = `<?xml version="1.0"?>
<testsuites><testsuite name="refunds" timestamp="2026-12-01T10:00:00">
  <testcase classname="refunds" name="sends to the provider" time="0.5"/>
  <testcase classname="refunds" name="shows the state" time="0.25"><failure message="expected refunded">trace</failure></testcase>
</testsuite></testsuites>`;

/** A SARIF 2.1.0 log of one run with an error (major) and a warning (minor). */
const sarifLog = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: {
        driver: { name: 'eslint', version: '9.0.0', rules: [{ id: 'no-eval' }, { id: 'no-unused-vars' }] },
      },
      results: [
        {
          ruleId: 'no-eval',
          level: 'error',
          message: { text: 'eval can be harmful.' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'src/refunds/provider.ts' },
                region: { startLine: 12, snippet: { text: 'eval(payload)' } },
              },
            },
          ],
        },
        {
          ruleId: 'no-unused-vars',
          level: 'warning',
          message: { text: "'total' is assigned a value but never used." },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'src/refunds/order-page.tsx' },
                region: { startLine: 3, snippet: { text: 'const total = 0' } },
              },
            },
          ],
        },
      ],
    },
  ],
};

interface Task {
  id: string;
  key: string;
  title: string;
  status: string;
}

/** Calls the API as the agent: its token, nothing else. */
async function asAgent<T>(server: Server, token: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function upload(server: Server, route: string, contentType: string, body: string) {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  return JSON.parse(text) as unknown;
}

if (!hasChromium) {
  console.warn(`Skipping the tasks browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('tasks and findings in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'tasks');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('generates tasks from an approved PRD, shows who holds one, refuses its completion with the conditions, and an override with its reason', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Refunds',
      key: 'REF',
    });
    const base = `/api/v1/projects/${project.id}`;
    await api(server, 'POST', `${base}/plan/code-review-automation/quality-gates`, {
      name: 'Unit tests',
      stage: 'pre-merge',
      blocking: true,
      threshold: 'failures = 0',
    });
    const prd = await api<{ id: string }>(server, 'POST', `${base}/prd-reviews`, {
      title: 'Refunds v2',
      content: prdContent,
    });
    await api(server, 'PATCH', `${base}/prd-review-settings`, { authorMayApprove: true });
    await api(server, 'POST', `${base}/prd-reviews/${prd.id}/submit`, {});
    await api(server, 'POST', `${base}/prd-reviews/${prd.id}/approve`, { comment: 'Ship it' });

    // The person generates the tasks from the approved PRD on the board.
    const { page, errors } = await browser.signIn(owner);
    await page.goto(`${server.url}/projects/${project.id}`);
    await page
      .getByRole('region', { name: 'Tasks', exact: true })
      .getByRole('link', { name: 'Tasks board' })
      .click();
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.getByText(/No tasks yet/).waitFor();
    await page.getByRole('button', { name: 'Generate tasks' }).click();
    const generate = page.getByRole('form', { name: 'Generate tasks' });
    await generate
      .getByLabel('From the requirements of an approved PRD')
      .selectOption({ label: 'Refunds v2' });
    await generate.getByRole('button', { name: 'Generate' }).click();
    await generate.getByRole('status').getByText('Created 2 tasks').waitFor(patience);
    const open = page.getByRole('region', { name: /^Open/ });
    await open.getByRole('article').nth(1).waitFor();
    expect(await open.getByRole('article').count()).toBe(2);

    // An agent with only a token claims the first task and attaches its evidence.
    const agent = await api<{ user: { id: string } }>(server, 'POST', '/api/v1/agents', {
      name: 'Builder bot',
    });
    const token = await api<{ secret: string }>(server, 'POST', '/api/v1/tokens', {
      name: 'builder',
      userId: agent.user.id,
    });
    const tasks = await asAgent<{ data: Task[] }>(server, token.secret, 'GET', `${base}/tasks?sort=number`);
    const task = tasks.data[0] as Task;
    expect(task.key).toBe('T-1');
    const claimed = await asAgent<Task>(server, token.secret, 'POST', `${base}/tasks/${task.id}/claim`, {
      leaseSeconds: 3600,
    });
    expect(claimed.status).toBe('claimed');
    const run = (await upload(
      server,
      `${base}/test-runs?branch=refunds&commit=a1b2c3d4`,
      'application/xml',
      junitReport,
    )) as { id: string };
    await expect
      .poll(
        async () => (await api<{ status: string }>(server, 'GET', `${base}/test-runs/${run.id}`)).status,
        patience,
      )
      .toBe('imported');
    await asAgent(server, token.secret, 'POST', `${base}/tasks/${task.id}/evidence`, {
      commits: ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
      mergeRequestUrl: 'https://git.example.com/refunds/merge_requests/7',
      testRunIds: [run.id],
    });

    // The person sees on the board who holds it and until when.
    await page.reload();
    const claimedColumn = page.getByRole('region', { name: /^Claimed/ });
    const card = claimedColumn.getByRole('article', { name: new RegExp(`^${task.key} `) });
    await card.getByText(/Held by Builder bot/).waitFor(patience);
    await card.getByText(/until/).waitFor();

    // Completion is refused: each failed condition is shown.
    await card.getByRole('link').click();
    await page.getByRole('heading', { name: task.title, level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Evidence' })
      .getByRole('link', { name: 'https://git.example.com/refunds/merge_requests/7' })
      .waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    const refused = page.getByRole('alert', { name: 'Completion refused' });
    await refused.waitFor(patience);
    await refused.getByRole('list', { name: 'Failed conditions' }).getByRole('listitem').first().waitFor();
    expect(await refused.getByRole('listitem').filter({ hasText: 'Unit tests' }).count()).toBeGreaterThan(0);
    await page
      .getByRole('region', { name: 'Gate evaluations' })
      .getByText('Gates failed')
      .first()
      .waitFor(patience);
    await screenshot(page, 'task-refused');

    // Back on the board, the card says why its gates failed.
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    const refusedCard = page
      .getByRole('region', { name: /^Claimed/ })
      .getByRole('article', { name: new RegExp(`^${task.key} `) });
    await refusedCard.getByText('Gates failed').waitFor(patience);
    await refusedCard
      .getByRole('list', { name: `Why the gates of ${task.key} failed` })
      .getByText(/Unit tests: failures/)
      .waitFor();
    await refusedCard.getByText(/Held by Builder bot/).waitFor();
    await screenshot(page, 'tasks-board');
    await refusedCard.getByRole('link').click();
    await page.getByRole('heading', { name: task.title, level: 1 }).waitFor();

    // An admin overrides with a reason that stays on the task.
    await page.getByRole('button', { name: 'Override gates' }).click();
    const override = page.getByRole('form', { name: 'Override the gates' });
    await override
      .getByLabel('Reason for the override')
      .fill('The failing test is the flaky order page; tracked in T-2.');
    await override.getByRole('button', { name: 'Override and complete' }).click();
    const note = page.getByRole('note', { name: 'Gate override' });
    await note.getByText('The failing test is the flaky order page; tracked in T-2.').waitFor(patience);
    await page.getByRole('heading', { level: 1 }).getByText('done').waitFor();
    expect(await page.getByRole('alert', { name: 'Completion refused' }).count()).toBe(0);
    await page.getByRole('region', { name: 'History' }).getByRole('listitem').first().waitFor(patience);
    await screenshot(page, 'task-overridden');

    // A person claims the other task, attaches a commit and releases it again.
    const second = tasks.data[1] as Task;
    await page.goto(`${server.url}/projects/${project.id}/tasks/${second.id}`);
    const claim = page.getByRole('form', { name: 'Claim the task' });
    await claim.getByLabel('For').selectOption({ label: '4 hours' });
    await claim.getByRole('button', { name: 'Claim' }).click();
    await page.getByText(/Held by Owner \(you\) until/).waitFor(patience);
    await page.getByRole('button', { name: 'Attach evidence' }).click();
    const attach = page.getByRole('form', { name: 'Attach evidence' });
    await attach.getByLabel('Commits').fill('c3d4e5f6a7b8c9d0');
    await attach.getByRole('button', { name: 'Attach' }).click();
    await page.getByRole('region', { name: 'Evidence' }).getByText('c3d4e5f6').waitFor(patience);
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit task' });
    await edit.getByLabel('Title').fill('FR-002: The order page shows where the refund is');
    await edit.getByRole('button', { name: 'Save task' }).click();
    await page
      .getByRole('heading', { name: /The order page shows where the refund is/, level: 1 })
      .waitFor(patience);
    await page.getByRole('button', { name: 'Release' }).click();
    await page.getByRole('form', { name: 'Claim the task' }).waitFor(patience);
    expect(errors).toEqual([]);

    // On a phone, the board's columns stack.
    const phone = await browser.signIn(owner, 390);
    await phone.page.goto(`${server.url}/projects/${project.id}/tasks`);
    await phone.page.getByRole('region', { name: /^Done/ }).getByRole('article').first().waitFor(patience);
    await screenshot(phone.page, 'tasks-board-phone');
    expect(phone.errors).toEqual([]);
  });

  it('lists the findings of a SARIF upload, filtered by severity, and marks one a false positive', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Scanner',
      key: 'SCAN',
    });
    const sets = (await upload(
      server,
      `/api/v1/projects/${project.id}/findings/sarif?commit=b2c3d4e5&branch=main`,
      'application/sarif+json',
      JSON.stringify(sarifLog),
    )) as { data: { id: string }[] };
    expect(sets.data).toHaveLength(1);

    const { page, errors } = await browser.signIn(owner);
    await page.goto(`${server.url}/projects/${project.id}`);
    const section = page.getByRole('region', { name: 'Findings', exact: true });
    await section.getByText(/2 results/).waitFor(patience);
    await section.getByRole('link', { name: 'Findings', exact: true }).click();
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Findings, newest first' });
    await expect.poll(() => table.getByRole('row').count(), patience).toBe(3);
    await page.getByLabel('Severity').selectOption('major');
    await expect.poll(() => table.getByRole('row').count(), patience).toBe(2);
    await table.getByText('no-eval', { exact: true }).waitFor();
    await screenshot(page, 'findings');

    await table.getByRole('button', { name: /^False positive: / }).click();
    await table.getByText('false positive').waitFor(patience);

    await page.getByRole('link', { name: 'Finding sets' }).click();
    const setsTable = page.getByRole('table', { name: 'Finding sets, newest first' });
    await setsTable.getByRole('link', { name: /eslint/ }).click();
    await page.getByRole('heading', { name: /eslint/, level: 1 }).waitFor();
    const reported = page.getByRole('table', { name: 'Findings this upload reported' });
    await expect.poll(() => reported.getByRole('row').count(), patience).toBe(3);
    await screenshot(page, 'finding-set');
    expect(errors).toEqual([]);
  });
});
