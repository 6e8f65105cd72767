import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  type BrowserSession,
  chromiumPath,
  hasChromium,
  openBrowser,
  type Server,
  screenshot,
  seedDemo,
  startServer,
} from './support.ts';

const owner = { email: 'pia@example.com', password: 'owner-password-123' };

interface Row {
  id: string;
  name: string;
  priority?: string;
}
interface Counts {
  total: number;
  areas: { slug: string; rows: number; tables: Record<string, number> }[];
}

if (!hasChromium) {
  console.warn(`Skipping the plan browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('the plan in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  let projectId: string;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'plan');
    projectId = await seedDemo(server);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (width = 1280) => browser.signIn(owner, width);

  const rowsOf = async (table: string) =>
    (await api<{ data: Row[] }>(server, 'GET', `/api/v1/projects/${projectId}/plan/background-jobs/${table}`))
      .data;

  it('edits, creates and deletes rows of an area, and the audit trail records the edit', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn();

    // From the project's page to the plan, then to an area by its title.
    await page.goto(`${server.url}/projects/${projectId}`);
    const summary = page.getByRole('region', { name: 'Plan' });
    await summary.getByText(/\d+ rows in \d+ of 25 areas/).waitFor();
    await summary.getByRole('link', { name: 'Areas, import and export' }).click();
    await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
    const areas = page.getByRole('table', { name: 'Areas of the plan' });
    // The table appears once the areas and their counts have loaded.
    await areas.getByRole('link', { name: 'Background jobs' }).waitFor();
    expect(await areas.locator('tbody tr').count()).toBe(25);
    await areas.getByRole('link', { name: 'Background jobs' }).click();
    await page.getByRole('heading', { name: /Background jobs/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Readiness of this area' }).waitFor();

    // The tabs work from the keyboard: End selects the last table, Home the first.
    const tabs = page.getByRole('tablist', { name: 'Tables of this area' });
    await tabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await tabs.getByRole('tab', { name: /Scheduled jobs/, selected: true }).waitFor();
    await page.keyboard.press('Home');
    await tabs.getByRole('tab', { name: /Job queues/, selected: true }).waitFor();
    await tabs.getByRole('tab', { name: /Job types/ }).click();
    expect(new URL(page.url()).searchParams.get('table')).toBe('job-types');
    const panel = page.getByRole('tabpanel', { name: /Job types/ });
    const list = panel.getByRole('table', { name: 'Job types' });
    // A reference is shown by the name of the row it points to.
    await list
      .getByRole('row', { name: /send-receipt/ })
      .getByRole('cell', { name: 'default' })
      .first()
      .waitFor();
    await screenshot(page, 'plan-area');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'plan-area-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Edit a row: its priority (an enum, as a select) and its queue (a reference, picked by name).
    await panel.getByRole('button', { name: 'Edit send-receipt' }).click();
    const form = panel.getByRole('form', { name: 'Edit send-receipt' });
    await form.getByLabel('Priority').selectOption('high');
    await form.getByLabel('Queue').selectOption({ label: 'default' });
    await screenshot(page, 'plan-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await list
      .getByRole('row', { name: /send-receipt/ })
      .getByRole('cell', { name: 'high' })
      .waitFor();
    const receipt = (await rowsOf('job-types')).find((row) => row.name === 'send-receipt');
    expect(receipt?.priority).toBe('high');
    const events = await api<{ data: { eventType: string }[] }>(
      server,
      'GET',
      `/api/v1/audit/events?aggregateType=plan_job_types&aggregateId=${receipt?.id}`,
    );
    const updated = events.data.filter((event) => event.eventType === 'plan_job_types.updated');
    expect(updated).toHaveLength(1);
    expect(JSON.stringify(updated[0])).toContain('"high"');

    // Create: the API's validation message shows under the field it names, then the row is made.
    await panel.getByRole('button', { name: 'New row' }).click();
    const creating = panel.getByRole('form', { name: 'New row' });
    await creating.getByRole('button', { name: 'Create' }).click();
    await creating.locator('#plan-job-types-new-name-error').waitFor();
    expect(await creating.getByLabel('Name (required)').getAttribute('aria-describedby')).toBe(
      'plan-job-types-new-name-error',
    );
    await creating.getByLabel('Name (required)').fill('send-refund');
    await creating.getByLabel('Priority').selectOption('low');
    await creating.getByRole('button', { name: 'Create' }).click();
    await list
      .getByRole('row', { name: /send-refund/ })
      .first()
      .waitFor();
    expect((await rowsOf('job-types')).map((row) => row.name)).toContain('send-refund');

    // Delete after confirming; the row is gone from the screen and from the API.
    const refund = list.getByRole('row', { name: /send-refund/ }).first();
    await refund.getByRole('button', { name: 'Delete send-refund' }).click();
    await refund.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => list.getByRole('row', { name: /send-refund/ }).count()).toBe(0);
    expect((await rowsOf('job-types')).map((row) => row.name)).not.toContain('send-refund');

    // Search and an enum filter narrow the rows.
    await panel.getByRole('searchbox', { name: 'Search', exact: true }).fill('settle');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await list.getByRole('row', { name: /settle-batch/ }).waitFor();
    await panel.getByRole('searchbox', { name: 'Search', exact: true }).fill('');
    await panel.getByRole('combobox', { name: 'Priority', exact: true }).selectOption('high');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await list.getByRole('row', { name: /send-receipt/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses a plan file with a bad row, naming the row, and imports nothing', async () => {
    const { page, errors } = await signedIn();
    const before = await api<Counts>(server, 'GET', `/api/v1/projects/${projectId}/plan/counts`);
    await page.goto(`${server.url}/projects/${projectId}/plan`);
    await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();

    // Export: the Markdown and the JSON are saved as files.
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toBe('plan.md');
    expect(fs.readFileSync(await markdown.path(), 'utf8')).toContain('Background jobs');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('plan.json');
    expect(JSON.parse(fs.readFileSync(await json.path(), 'utf8'))).toHaveProperty('areas');

    const plan = {
      areas: {
        'background-jobs': {
          'job-queues': [
            { values: { name: 'imports', system: 'sqs' } },
            { values: { name: 'broken', system: 'carrier-pigeon' } },
          ],
        },
      },
    };
    await page.getByLabel('Plan file (JSON)').setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(plan)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problems of the import' });
    const problem = problems.getByRole('row', { name: /job-queues/ }).first();
    await problem.getByRole('cell', { name: 'background-jobs' }).waitFor();
    await problem.getByRole('cell', { name: '2', exact: true }).waitFor();
    await problem.getByRole('cell', { name: 'system', exact: true }).waitFor();
    await page.evaluate(`document.getElementById('plan-import-heading').scrollIntoView()`);
    await screenshot(page, 'plan-import-errors');
    const after = await api<Counts>(server, 'GET', `/api/v1/projects/${projectId}/plan/counts`);
    expect(after).toEqual(before);
    expect((await rowsOf('job-queues')).map((row) => row.name)).not.toContain('imports');
    expect(errors).toEqual([]);
  });

  it('opens a linked row on a phone, highlighted', async () => {
    const { page, errors } = await signedIn(390);
    const settle = (await rowsOf('job-types')).find((row) => row.name === 'settle-batch');
    await page.goto(
      `${server.url}/projects/${projectId}/plan/background-jobs?table=job-types&row=${settle?.id}`,
    );
    const form = page.getByRole('form', { name: 'Edit settle-batch' });
    await form.getByLabel('Name (required)').waitFor();
    expect(await form.getByLabel('Name (required)').inputValue()).toBe('settle-batch');
    // The row's queue is named once the rows it may point to have loaded.
    await page.locator('tr.plan-highlight').getByRole('cell', { name: 'default' }).waitFor();
    // A job type points at two kinds of row; each picker says it is loading until its rows come.
    await expect
      .poll(() => form.getByText('Loading the rows to choose from…').count(), { timeout: 30_000 })
      .toBe(0);
    await screenshot(page, 'plan-phone');
    // Nothing is wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
