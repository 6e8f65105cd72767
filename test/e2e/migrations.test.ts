import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  chromiumPath,
  hasChromium,
  openBrowser,
  type Server,
  screenshot,
  startServer,
} from './support.ts';

const owner = { email: 'mara@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };
const unsafe = [
  "SET lock_timeout = '2s'; SET statement_timeout = '5min'; -- Orders are looked up by customer.",
  'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;',
  'CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);',
  '',
].join('\n');
const migrationFile = 'db/0042_orders_by_customer.sql';

if (!hasChromium) {
  console.warn(`Skipping the migrations browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('migration safety in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'migrations');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (width = 1280) => browser.signIn(owner, width);

  it('checks an unsafe migration, records it, and resolves the risk it left', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn();

    // A project, then its Migrations page from the project's page.
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Name').fill('Orders');
    await page.getByLabel('Key').fill('ORD');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: /Orders/, level: 1 }).waitFor();
    const migrations = page.getByRole('region', { name: 'Migrations' });
    await migrations.getByText('No migrations linted yet.').waitFor();
    await migrations.getByRole('link', { name: 'Check SQL' }).click();

    // A picked file that PostgreSQL cannot parse is shown as such, with where.
    await page.getByRole('heading', { name: 'Check SQL', level: 1 }).waitFor();
    await page.getByLabel('Or pick .sql files').setInputFiles({
      name: '0041_broken.sql',
      mimeType: 'application/sql',
      buffer: Buffer.from('ALTER TABLE orders ADD COLUMN;\n'),
    });
    await page
      .getByRole('list', { name: 'Picked files' })
      .getByText('0041_broken.sql', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const broken = page.getByRole('region', { name: '0041_broken.sql' });
    await broken
      .getByText(/PostgreSQL cannot parse this file: syntax error.*\(line 1, column \d+\)/)
      .waitFor();
    await page.getByRole('button', { name: 'Remove 0041_broken.sql' }).click();

    // Check SQL: the finding, its statement and its recipe, and nothing stored yet.
    await page.getByLabel('File name').fill(migrationFile);
    await page.getByLabel('SQL', { exact: true }).fill(unsafe);
    await page.getByLabel('PostgreSQL version').selectOption('15');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const results = page.getByRole('region', { name: 'Findings' });
    await results.getByText('PostgreSQL 15 · 1 file · 4 statements · 1 error · 0 warnings').waitFor();
    const finding = results.getByRole('article', { name: /Create indexes concurrently/ });
    await finding.getByText('require-concurrent-index-creation').waitFor();
    await finding.getByText('line 3', { exact: true }).waitFor();
    expect(await finding.locator('pre.statement').textContent()).toContain(
      'CREATE INDEX IF NOT EXISTS orders_customer_idx',
    );
    // The recipe's Markdown is rendered: its inline code is a <code> element, not backticks.
    await finding.locator('.recipe code').filter({ hasText: 'CREATE INDEX CONCURRENTLY' }).waitFor();
    expect(await finding.locator('.recipe').textContent()).not.toContain('`');
    // Each statement's locks, the index build's SHARE lock among them.
    const locks = results.getByRole('table', { name: `Locks taken by ${migrationFile}` });
    await locks.getByRole('cell', { name: 'SHARE', exact: true }).waitFor();
    // The picture shows the findings, from their heading down.
    await page.evaluate(`document.getElementById('check-results-heading').scrollIntoView()`);
    await screenshot(page, 'migrations-check');

    // Recording it stores the run; its finding becomes an open risk.
    await results.getByRole('button', { name: 'Record as a lint run' }).click();
    await results.getByText('Recorded: 1 new risk.').waitFor();
    await results.getByRole('link', { name: 'See the run' }).click();
    await page.getByRole('heading', { name: /Lint run of/, level: 1 }).waitFor();
    await page.getByRole('article', { name: /Create indexes concurrently/ }).waitFor();
    await screenshot(page, 'migrations-run');
    await page.getByRole('link', { name: 'Migrations' }).click();
    await page.getByRole('heading', { name: 'Migrations', level: 1 }).waitFor();
    const runs = page.getByRole('region', { name: 'Lint runs' });
    await expect.poll(() => runs.getByRole('row').count(), patience).toBe(2);
    const risks = page.getByRole('region', { name: 'Open lint risks' });
    const risk = risks.getByRole('row').filter({ hasText: `${migrationFile}:3` });
    await risk.getByText('Create indexes concurrently').waitFor();
    await risk.getByText('error', { exact: true }).waitFor();
    await screenshot(page, 'migrations');

    // The same page at phone width: each row a card that still reads as a table row.
    const phone = await signedIn(390);
    await phone.page.goto(page.url());
    const phoneRisks = phone.page.getByRole('region', { name: 'Open lint risks' });
    await phoneRisks
      .getByRole('row')
      .filter({ hasText: `${migrationFile}:3` })
      .waitFor();
    await expect
      .poll(() => phone.page.getByRole('region', { name: 'Lint runs' }).getByRole('row').count(), patience)
      .toBe(2);
    await screenshot(phone.page, 'migrations-phone');

    // Resolving asks first; once confirmed, the risk leaves the open list.
    await risk.getByRole('button', { name: 'Mark resolved' }).click();
    const confirm = risks.getByRole('group', { name: /Resolve require-concurrent-index-creation/ });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await risk.getByRole('button', { name: 'Mark resolved' }).click();
    await confirm.getByRole('button', { name: 'Yes, mark resolved' }).click();
    await risks.getByText('No open lint risks.').waitFor();

    // Settings: a rule switched off by its title, and PostgreSQL 17, kept after a reload.
    const settings = page.getByRole('region', { name: 'Lint settings' });
    await settings.getByLabel('PostgreSQL version').selectOption('17');
    await settings.getByLabel('Create indexes concurrently').check();
    await settings.getByRole('button', { name: 'Save lint settings' }).click();
    await settings.getByText(/Last saved/).waitFor();
    await page.reload();
    await expect.poll(() => settings.getByLabel('PostgreSQL version').inputValue(), patience).toBe('17');
    expect(await settings.getByLabel('Create indexes concurrently').isChecked()).toBe(true);

    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
