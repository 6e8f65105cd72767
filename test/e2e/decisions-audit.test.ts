// The decision log and the audit trail through the browser against a real server: import a folder
// of ADRs after reading the dry run's verdict on each file, chart and export the log, accept a
// decision through its status dialog, then read the audit trail by names, check the chain, export it
// and find a deleted item. Each screen is saved (see support.ts); any console error fails the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
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

const owner = { email: 'ines@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };

const adrs: Record<string, string> = {
  '0001-use-postgresql.md': [
    '---',
    'status: proposed',
    'date: 2026-09-14',
    'deciders: Ines Duarte',
    '---',
    '# Use PostgreSQL for payments',
    '',
    '## Context and Problem Statement',
    '',
    'Payments need transactions across tables.',
    '',
    '## Considered Options',
    '',
    '* PostgreSQL',
    '* MongoDB',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "PostgreSQL", because it has transactions.',
    '',
  ].join('\n'),
  '0002-publish-events-with-kafka.md': [
    '---',
    'status: accepted',
    'date: 2026-11-02',
    '---',
    '# Publish payment events with Kafka',
    '',
    '## Context and Problem Statement',
    '',
    'Other teams need to react to payments.',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "Kafka", because the platform runs it.',
    '',
  ].join('\n'),
  '0003-maybe.md': [
    '# 3. Retry refunds',
    '',
    'Date: 2026-11-20',
    '',
    '## Status',
    '',
    'Maybe later',
    '',
    '## Context',
    '',
    'Refunds fail sometimes.',
    '',
  ].join('\n'),
};

if (!hasChromium)
  console.warn(`Skipping the decisions and audit browser test: no chromium at ${chromiumPath}.`);

describe.skipIf(!hasChromium)('decisions and the audit trail in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-adrs-'));
    for (const [name, text] of Object.entries(adrs)) fs.writeFileSync(path.join(folder, name), text);
    server = await startServer(owner);
    browser = await openBrowser(server, 'decisions-audit');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  const signedIn = (width = 1280) => browser.signIn(owner, width);

  async function downloaded(page: Page, button: string): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const file = await download.path();
    expect(file).toBeTruthy();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    return download.suggestedFilename();
  }

  it('imports ADRs, charts and exports them, accepts one, and audits it all by name', async () => {
    browser.saveFailures();
    await api(server, 'POST', '/api/v1/projects', { name: 'Payments', key: 'PAY' });
    const { page, errors } = await signedIn();
    await importFolder(page);
    await chartAndExport(page);
    await acceptThroughTheDialog(page);
    await auditByName(page);
    await deletedItem(page);
    const phone = await signedIn(390);
    await phone.page.getByRole('link', { name: 'Audit', exact: true }).first().click();
    await phone.page.getByText('Chain verified').waitFor();
    // Every row has named its item before the picture is taken.
    const phoneEvents = phone.page.getByRole('table', { name: 'Events' });
    await phoneEvents.getByRole('link', { name: 'Use PostgreSQL for payments' }).first().waitFor();
    await expect.poll(() => phoneEvents.getByText('…', { exact: true }).count(), patience).toBe(0);
    await phone.page.getByRole('heading', { name: 'Latest changes' }).scrollIntoViewIfNeeded();
    await phone.page.evaluate('window.scrollBy(0, 300)');
    await screenshot(phone.page, 'audit-phone');
    expect([...errors, ...phone.errors]).toEqual([]);
  }, 180_000);

  /** The folder's dry run names the file that cannot be read and why; importing creates the rest. */
  async function importFolder(page: Page) {
    await page.getByRole('link', { name: 'Decisions' }).first().click();
    await page.getByRole('link', { name: 'Import ADRs' }).click();
    await page.getByRole('heading', { name: 'Import ADRs', level: 1 }).waitFor();
    await page.getByLabel('Project').selectOption({ label: 'Payments' });
    const preview = page.getByRole('table', { name: 'Files to import' });
    // A zip of the folder is read in the browser: the same three files, from inside its folder.
    const zip = zipSync(
      Object.fromEntries(Object.entries(adrs).map(([name, text]) => [`docs/adr/${name}`, strToU8(text)])),
    );
    await page.getByLabel('Or a zip of the folder').setInputFiles({
      name: 'adr.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip),
    });
    await expect.poll(() => preview.getByRole('row').count(), patience).toBe(4);
    await page.getByLabel('ADR folder').setInputFiles(folder);
    const broken = preview.getByRole('row').filter({ hasText: '0003-maybe.md' });
    await broken.getByText('unknown status "Maybe later"').waitFor();
    await preview
      .getByRole('row')
      .filter({ hasText: '0001-use-postgresql.md' })
      .getByText(/Would create ADR-\d+ “Use PostgreSQL for payments”/)
      .waitFor();
    await screenshot(page, 'decisions-import');
    await page.getByRole('button', { name: 'Import 2 decisions' }).click();
    await page.getByText('Imported 2 decisions.').waitFor();
    await page.getByRole('link', { name: 'See the decision log' }).click();
    const list = page.getByRole('table', { name: 'Decisions' });
    for (const title of ['Use PostgreSQL for payments', 'Publish payment events with Kafka']) {
      const row = list.getByRole('row').filter({ hasText: title });
      await row.getByRole('link', { name: 'Payments', exact: true }).waitFor();
    }
    await expect.poll(() => list.getByRole('row').count(), patience).toBe(3);
    const stored = await api<{ data: { title: string }[] }>(server, 'GET', '/api/v1/decision-logs?limit=50');
    expect(stored.data.map((decision) => decision.title).sort()).toEqual([
      'Publish payment events with Kafka',
      'Use PostgreSQL for payments',
    ]);
  }

  /** The chart is a named picture with its numbers in a table; the log downloads as CSV and zip. */
  async function chartAndExport(page: Page) {
    await page.getByLabel('Project').selectOption({ label: 'Payments' });
    await page.getByRole('img', { name: 'Decisions per month by status' }).waitFor();
    await page.getByText('Show as a table').click();
    const table = page.getByRole('table', { name: 'Decisions per month by status' });
    await expect.poll(() => table.getByRole('row').count(), patience).toBe(4);
    await table
      .getByRole('row')
      .filter({ hasText: /Nov/ })
      .getByRole('cell', { name: '1' })
      .first()
      .waitFor();
    await screenshot(page, 'decisions');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'decisions-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await downloaded(page, 'Export CSV')).toMatch(/\.csv$/);
    expect(await downloaded(page, 'Export zip')).toMatch(/\.zip$/);
  }

  /** The proposed decision is accepted through the status dialog; its chosen option is marked. */
  async function acceptThroughTheDialog(page: Page) {
    const stored = await api<{ data: { id: string; title: string }[] }>(
      server,
      'GET',
      '/api/v1/decision-logs',
    );
    const id = (title: string) => stored.data.find((decision) => decision.title === title)?.id;
    await api(server, 'PATCH', `/api/v1/decision-logs/${id('Use PostgreSQL for payments')}`, {
      relatedArtifacts: [{ type: 'decision', id: id('Publish payment events with Kafka') }],
    });
    await page.getByRole('link', { name: 'Use PostgreSQL for payments' }).click();
    await page.getByRole('link', { name: /^Decision: ADR-\d+ Publish payment events with Kafka$/ }).waitFor();
    await page.getByRole('heading', { name: /Use PostgreSQL for payments/, level: 1 }).waitFor();
    const chosen = page.locator('.considered-options li.chosen');
    await chosen.getByText('PostgreSQL', { exact: true }).waitFor();
    await chosen.getByText('Chosen').waitFor();
    await page.getByRole('button', { name: 'Change status…' }).click();
    const dialog = page.getByRole('dialog', { name: /Change the status of/ });
    await dialog.getByRole('radio', { name: /Accept/ }).check();
    await dialog.getByLabel('Reason (kept in the audit trail)').fill('Agreed in the architecture review.');
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('heading', { name: /Use PostgreSQL for payments accepted/, level: 1 }).waitFor();
    await expect.poll(() => dialog.isVisible(), patience).toBe(false);
    expect(await downloaded(page, 'Export MADR')).toMatch(/\.md$/);
    await screenshot(page, 'decision-detail');
  }

  /** Each event names its item and project; the chain is verified; the events export. */
  async function auditByName(page: Page) {
    await page.getByRole('link', { name: 'Audit', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    await page.getByText('Chain verified').waitFor();
    await page.getByText(/Latest signed checkpoint: event #\d+|No signed checkpoint yet\./).waitFor();
    const events = page.getByRole('table', { name: 'Events' });
    const accepted = events.getByRole('row').filter({ hasText: 'decision_log.accepted' });
    await accepted.getByRole('link', { name: 'Use PostgreSQL for payments' }).waitFor();
    await accepted.getByRole('link', { name: 'Payments', exact: true }).waitFor();
    await accepted.getByText('Status').waitFor();
    const project = events.getByRole('row').filter({ hasText: 'project.created' });
    await project.getByRole('link', { name: 'Payments', exact: true }).first().waitFor();
    await screenshot(page, 'audit');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'audit-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await downloaded(page, 'CSV')).toMatch(/\.csv$/);
    expect(await downloaded(page, 'NDJSON')).toMatch(/\.ndjson$/);
  }

  /** A deleted decision is still named, and its history says when it went. */
  async function deletedItem(page: Page) {
    const draft = await api<{ id: string }>(server, 'POST', '/api/v1/decision-logs', {
      title: 'Cache card tokens',
      decisionType: 'architecture',
      decisionDate: '2026-11-25',
    });
    await api(server, 'DELETE', `/api/v1/decision-logs/${draft.id}`);
    await page.reload();
    await page.getByLabel('Find an item by name').fill('Use Postg');
    await page
      .getByRole('list', { name: 'Matching items' })
      .getByRole('link', { name: 'Use PostgreSQL for payments' })
      .waitFor();
    const events = page.getByRole('table', { name: 'Events' });
    const deleted = events.getByRole('row').filter({ hasText: 'decision_log.deleted' });
    await deleted.getByText(/deleted on/).waitFor();
    await deleted.getByRole('link', { name: 'Cache card tokens' }).click();
    await page.getByRole('heading', { name: 'History of Cache card tokens' }).waitFor();
    await page
      .getByRole('region', { name: 'As of' })
      .getByText(/Deleted on/)
      .waitFor();
  }
});
