import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

const owner = { email: 'rosa@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };

/** The deploy service the release calls: it records every call; `/fail` always answers 500. */
function deployService() {
  const calls: { path: string; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      calls.push({ path, body });
      response.writeHead(path === '/fail' ? 500 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: path !== '/fail' }));
    });
  });
  return { server, calls };
}

/** Deploy the api, wait for an admin's approval, then call the second deploy (`/{{inputs.target}}`). */
function definition(port: number) {
  const base = `http://127.0.0.1:${port}`;
  return {
    inputs: {
      version: { description: 'The version to deploy', required: true },
      target: { description: 'Where the web deploy goes', default: 'deploy-web' },
    },
    steps: [
      {
        name: 'deploy-api',
        title: 'Deploy the API',
        kind: 'http',
        url: `${base}/deploy-api`,
        body: { version: '{{inputs.version}}' },
        retry: { attempts: 1, backoffMs: 1 },
        compensate: { url: `${base}/rollback-api`, body: { version: '{{inputs.version}}' } },
      },
      { name: 'approve', kind: 'approval', role: 'admin', prompt: 'Ship {{inputs.version}} to the web?' },
      {
        name: 'deploy-web',
        title: 'Deploy the web app',
        kind: 'http',
        url: `${base}/{{inputs.target}}`,
        retry: { attempts: 2, backoffMs: 1 },
      },
    ],
  };
}

if (!hasChromium) {
  console.warn(`Skipping the sagas browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('sagas and release workflows in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  const deploys = deployService();
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => deploys.server.listen(0, '127.0.0.1', resolve));
    port = (deploys.server.address() as AddressInfo).port;
    server = await startServer(owner);
    browser = await openBrowser(server, 'sagas');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => deploys.server.close(resolve));
  });

  it('defines a release workflow, runs it, approves it from the home page, shows a failed run undone and cancels one', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Payments',
      key: 'PAY',
    });
    await api(server, 'POST', `/api/v1/projects/${project.id}/release-allowed-hosts`, {
      host: `127.0.0.1:${port}`,
      note: 'The deploy service of the test',
    });
    const { page, errors } = await browser.signIn(owner);

    // From the project's page to its release workflows; the host added above is listed there.
    await page.goto(`${server.url}/projects/${project.id}`);
    const section = page.getByRole('region', { name: 'Releases and sagas' });
    await section.getByText('Nothing at work now.').waitFor(patience);
    await section.getByRole('link', { name: 'Release workflows' }).click();
    await page.getByRole('heading', { name: 'Release workflows', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Allowed hosts' }).getByText(`127.0.0.1:${port}`).waitFor();

    // A secret: its value is never shown again.
    const secrets = page.getByRole('form', { name: 'Add a secret' });
    await secrets.getByLabel('Name').fill('DEPLOY_TOKEN');
    await secrets.getByLabel('Value').fill('s3cret-value');
    await secrets.getByRole('button', { name: 'Add secret' }).click();
    await page.getByRole('region', { name: 'Secrets' }).getByText('DEPLOY_TOKEN').waitFor();
    expect(await page.getByText('s3cret-value').count()).toBe(0);

    // A definition with a mistake: the 422 names the path; then the right one.
    await page.getByRole('button', { name: 'New workflow' }).click();
    const form = page.getByRole('form', { name: 'New release workflow' });
    await form.getByLabel('Name').fill('Ship payments');
    await form.getByLabel('Key').fill('ship-payments');
    await form.getByLabel('Start from').selectOption('json');
    const broken = definition(port);
    await form
      .getByLabel('Definition', { exact: true })
      .fill(JSON.stringify({ ...broken, steps: [{ ...broken.steps[1], role: 'captain' }] }));
    await form.getByRole('button', { name: 'Create workflow' }).click();
    await form.getByText('definition.steps.0.role').waitFor(patience);
    await form.getByLabel('Definition', { exact: true }).fill(JSON.stringify(definition(port), null, 2));
    await form.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByRole('heading', { name: /Ship payments/, level: 1 }).waitFor(patience);
    await page
      .getByRole('region', { name: 'Versions' })
      .getByRole('cell', { name: '1', exact: true })
      .waitFor();
    await screenshot(page, 'release-workflow');

    // Run it: the timeline opens, the first step succeeded and the saga waits for an approval.
    const run = page.getByRole('form', { name: 'Run the workflow' });
    await run.getByLabel(/^version/).fill('2.4.0');
    await run.getByRole('button', { name: 'Run Ship payments' }).click();
    await page.getByRole('heading', { name: /Ship payments/, level: 1 }).waitFor();
    await page.waitForURL(/\/sagas\/[0-9a-f-]+$/);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const steps = timeline.getByRole('list', { name: 'Steps' });
    await page.getByText('Waits for an approval by a member with the role admin').waitFor(patience);
    await steps
      .getByRole('listitem')
      .filter({ hasText: 'deploy-api' })
      .first()
      .getByText('succeeded')
      .first()
      .waitFor();
    await page.getByText('Ship 2.4.0 to the web?').waitFor();
    await screenshot(page, 'saga-timeline-waiting');
    expect(deploys.calls.map((call) => call.path)).toEqual(['/deploy-api']);

    // The home page lists the approval; approving it there lets the saga complete.
    await page.getByRole('link', { name: 'Home' }).click();
    const approvals = page.getByRole('region', { name: 'Approvals waiting for me' });
    const card = approvals.getByRole('listitem', { name: 'Ship payments' });
    await card.getByText('Ship 2.4.0 to the web?').waitFor(patience);
    await card.getByText('· Payments').waitFor(patience);
    await page
      .locator('[aria-busy="true"]')
      .first()
      .waitFor({ state: 'detached', ...patience });
    await screenshot(page, 'home-approvals');
    await card.getByLabel('Comment').fill('Canary looks fine');
    await card.getByRole('button', { name: 'Approve' }).click();
    await approvals.getByText('No saga waits for your approval.').waitFor(patience);
    await page.goto(`${server.url}/projects/${project.id}/sagas`);
    await page.getByRole('heading', { name: 'Sagas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Ship payments' }).click();
    await page.locator('h1 .status-completed').waitFor(patience);
    await screenshot(page, 'saga-timeline');
    expect(deploys.calls.map((call) => call.path)).toEqual(['/deploy-api', '/deploy-web']);

    // A second run whose web deploy answers 500: approved from the timeline, then undone.
    await page.goto(`${server.url}/projects/${project.id}/release-workflows`);
    await page.getByRole('cell', { name: 'ship-payments' }).waitFor(patience);
    await screenshot(page, 'release-workflows');
    await page.getByRole('link', { name: 'Ship payments' }).click();
    await run.getByLabel(/^version/).fill('2.5.0');
    await run.getByLabel(/^target/).fill('fail');
    await run.getByRole('button', { name: 'Run Ship payments' }).click();
    await page.waitForURL(/\/sagas\/[0-9a-f-]+$/);
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('form', { name: 'Approve or refuse' }).waitFor(patience);
    await actions.getByRole('button', { name: 'Approve' }).click();
    await page.locator('h1 .status-failed').waitFor(patience);
    const undone = timeline.getByRole('list', { name: 'Undone, in reverse order' });
    await undone.getByText('Undo deploy-api').waitFor();
    await undone.getByText('succeeded').first().waitFor();
    await steps
      .getByRole('listitem')
      .filter({ hasText: 'deploy-web' })
      .first()
      .getByText('2 attempts')
      .waitFor();
    await page.getByText(/500/).first().waitFor();
    await screenshot(page, 'saga-timeline-undone');
    expect(deploys.calls.map((call) => call.path)).toEqual([
      '/deploy-api',
      '/deploy-web',
      '/deploy-api',
      '/fail',
      '/fail',
      '/rollback-api',
    ]);
    const undoneUrl = page.url();

    // A third run, cancelled with a reason while it waits: the first deploy is rolled back.
    await page.goto(`${server.url}/projects/${project.id}/release-workflows/ship-payments`);
    await run.getByLabel(/^version/).fill('2.6.0');
    await run.getByRole('button', { name: 'Run Ship payments' }).click();
    await page.waitForURL(/\/sagas\/[0-9a-f-]+$/);
    await page.getByText('Ship 2.6.0 to the web?').waitFor(patience);
    await actions.getByRole('button', { name: 'Cancel saga' }).click();
    const cancel = actions.getByRole('form', { name: 'Cancel the saga' });
    await cancel.getByLabel('Reason').fill('Wrong build');
    await cancel.getByRole('button', { name: 'Cancel and undo' }).click();
    await page.locator('h1 .status-cancelled').waitFor(patience);
    await undone.getByText('Undo deploy-api').waitFor();
    expect(deploys.calls.slice(-2).map((call) => call.path)).toEqual(['/deploy-api', '/rollback-api']);

    // The list with a filter: only the failed run.
    await page.getByRole('link', { name: 'Sagas', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Sagas', level: 1 }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('row').nth(1).getByText('undone').waitFor(patience);
    expect(await page.getByRole('row').count()).toBe(2);
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('row').nth(2).waitFor();
    await screenshot(page, 'sagas');

    // The timeline on a phone.
    const phone = await browser.signIn(owner, 390);
    await phone.page.goto(undoneUrl);
    await phone.page.getByRole('heading', { name: 'Undone, in reverse order' }).waitFor(patience);
    await screenshot(phone.page, 'saga-timeline-phone');
    const overflow = () => phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The list and the release workflows fit a phone too.
    await phone.page.goto(`${server.url}/projects/${project.id}/sagas`);
    await phone.page.getByRole('link', { name: 'Ship payments' }).first().waitFor(patience);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.page.goto(`${server.url}/projects/${project.id}/release-workflows`);
    await phone.page.getByRole('form', { name: 'Add a secret' }).waitFor(patience);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect([...errors, ...phone.errors]).toEqual([]);
  });
});
