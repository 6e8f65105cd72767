import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
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
const sunset = '2031-01-31';

const user = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
});

/** Version 1.0.0: list users, read one, delete one. */
const first = {
  openapi: '3.1.0',
  info: { title: 'Users', version: '1.0.0' },
  paths: {
    '/users': { get: { operationId: 'listUsers', responses: ok('The users') } },
    '/users/{id}': {
      get: { operationId: 'getUser', parameters: [idParameter], responses: ok('The user') },
      delete: {
        operationId: 'deleteUser',
        parameters: [idParameter],
        responses: { 204: { description: 'Gone' } },
      },
    },
  },
  components: { schemas: { User: user } },
};

/** Version 2.0.0: deleting a user is gone without notice; listing users is deprecated with a sunset. */
const second = {
  ...first,
  info: { title: 'Users', version: '2.0.0' },
  paths: {
    '/users': { get: { ...first.paths['/users'].get, deprecated: true, 'x-sunset': sunset } },
    '/users/{id}': { get: first.paths['/users/{id}'].get },
  },
};

if (!hasChromium) {
  console.warn(`Skipping the contract checks browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('contract checks in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  let projectId: string;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'contracts');
    // What CI would have done: the API registered, its consumers told, two versions uploaded.
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Accounts',
      key: 'ACC',
    });
    projectId = project.id;
    const plan = `/api/v1/projects/${projectId}/plan/breaking-change-management`;
    await api(server, 'POST', `${plan}/api-contracts`, {
      name: 'users',
      kind: 'openapi',
      currentVersion: '0.9.0',
      status: 'published',
      owner: 'Identity team',
    });
    const contract = `/api/v1/projects/${projectId}/contracts/users`;
    await api(server, 'POST', `${contract}/consumers`, {
      name: 'admin-console',
      contact: 'admin-team@example.com',
      uses: { operations: ['GET /users', 'DELETE /users/{}'] },
    });
    await api(server, 'POST', `${contract}/versions`, {
      version: '1.0.0',
      content: JSON.stringify(first),
      filename: 'openapi.json',
    });
    await api(server, 'POST', `${contract}/versions`, {
      version: '2.0.0',
      commit: 'a1b2c3d4e5f6a7b8',
      content: stringify(second),
      filename: 'openapi.yaml',
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (width = 1280) => browser.signIn(owner, width);

  it('shows a breaking change with the consumer it affects, takes its review and gives the guide', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn();

    // The project's page names its API with the latest version's verdict, and leads to its APIs.
    await page.goto(`${server.url}/projects/${projectId}`);
    const section = page.getByRole('region', { name: 'API contracts' });
    await section.getByRole('link', { name: '2.0.0' }).waitFor();
    await section.getByText('1 ERR').waitFor();
    await section.getByText('review pending').waitFor();
    await section.getByRole('link', { name: 'Versions, consumers and deprecations' }).click();
    await page.getByRole('heading', { name: 'API contracts', level: 1 }).waitFor();
    const apis = page.getByRole('region', { name: 'APIs' });
    const row = apis.getByRole('row').filter({ hasText: 'users' });
    await row.getByRole('link', { name: '2.0.0' }).waitFor();
    await row.getByText('review pending').waitFor();
    await screenshot(page, 'contracts');

    // The API: its versions newest first, its consumer, the deprecation the upload scheduled.
    await row.getByRole('link', { name: 'users' }).click();
    await page.getByRole('heading', { name: /^users/, level: 1 }).waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect.poll(() => versions.getByRole('row').count(), patience).toBe(3);
    const newest = versions.getByRole('row').nth(1);
    expect(await newest.textContent()).toContain('2.0.0');
    await newest.getByText('a1b2c3d4e5f6').waitFor();
    await versions.getByRole('row').nth(2).getByText('first version').waitFor();
    const consumers = page.getByRole('list', { name: 'Consumers' });
    await consumers.getByRole('heading', { name: 'admin-console' }).waitFor();
    await consumers.getByText('DELETE /users/{}').waitFor();
    const calendar = page.getByRole('region', { name: 'Deprecation calendar' });
    const deprecation = calendar.getByRole('row').filter({ hasText: 'GET /users' });
    expect(await deprecation.locator('time').last().getAttribute('datetime')).toBe(sunset);
    await page.evaluate(`document.getElementById('versions-heading').scrollIntoView()`);
    await screenshot(page, 'contracts-api');

    // The version: the removed operation is an ERR change that names the consumer calling it.
    await newest.getByRole('link', { name: '2.0.0' }).click();
    await page.getByRole('heading', { name: 'users 2.0.0', level: 1 }).waitFor();
    const changes = page.getByRole('region', { name: 'Changes' });
    const breaking = changes.getByRole('region', { name: /ERR: breaks clients/ });
    const removal = breaking.getByRole('article', { name: 'DELETE /users/{id}' });
    await removal.getByText('admin-console').waitFor();
    await removal.getByRole('link', { name: 'api-removed-without-deprecation' }).waitFor();
    // Filters: WARN only hides it; a consumer's name keeps just the changes that affect it.
    await changes.getByLabel('Level').selectOption('WARN');
    await expect.poll(() => breaking.count(), patience).toBe(0);
    await changes.getByLabel('Level').selectOption('');
    await changes.getByLabel('Text').fill('admin-console');
    await removal.waitFor();
    for (const shown of await changes.getByRole('article').allTextContents())
      expect(shown).toContain('admin-console');
    await changes.getByLabel('Text').fill('');

    // The migration guide is rendered Markdown (no Markdown syntax left) and downloads as a file.
    const guide = page.getByRole('region', { name: 'Migration guide' });
    await guide.locator('.markdown h1, .markdown h2').first().waitFor();
    expect(await guide.locator('.markdown').textContent()).toContain('DELETE /users/{id}');
    expect(await guide.locator('.markdown').textContent()).not.toContain('## ');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      guide.getByRole('button', { name: /Download the guide/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('users-1.0.0-to-2.0.0-migration-guide.md');
    const saved = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(saved, 'utf8')).toContain('DELETE /users/{id}');
    await page.evaluate(`document.getElementById('changes-heading').scrollIntoView()`);
    await screenshot(page, 'contracts-version');

    // The same page at phone width: every change still reads, with its consumer.
    const phone = await signedIn(390);
    await phone.page.goto(page.url());
    await phone.page
      .getByRole('article', { name: 'DELETE /users/{id}' })
      .getByText('admin-console')
      .waitFor();
    await phone.page.evaluate(`document.getElementById('changes-heading').scrollIntoView()`);
    await screenshot(phone.page, 'contracts-phone');

    // The review: accepted with a note, then shown as decided, with no form left.
    const review = page.getByRole('region', { name: 'Review of the breaking changes' });
    await review.getByLabel('Note').fill('Only the admin console deleted users; it moves to deactivation.');
    await review.getByRole('button', { name: 'Accept the breaking changes' }).click();
    await review.getByText('accepted', { exact: true }).waitFor();
    await review.getByText('Only the admin console deleted users; it moves to deactivation.').waitFor();
    expect(await review.getByRole('button').count()).toBe(0);

    // The rule's id leads to its entry in the catalogue.
    await removal.getByRole('link', { name: 'api-removed-without-deprecation' }).click();
    await page.getByRole('heading', { name: 'Contract rules', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#api-removed-without-deprecation');
    await page.locator('article#api-removed-without-deprecation h3').waitFor();
    await page
      .getByRole('search', { name: 'Filter rules' })
      .getByLabel('Text')
      .fill('api-removed-without-deprecation');
    await page.getByText(/^1 of \d+ rules\.$/).waitFor();

    // Uploading the latest document again from the file picker stores nothing.
    await page.goto(`${server.url}/projects/${projectId}/contracts`);
    await page.getByRole('region', { name: 'APIs' }).getByRole('link', { name: 'users' }).click();
    const upload = page.getByRole('form', { name: 'Upload a version' });
    await upload.getByLabel('Contract file').setInputFiles({
      name: 'openapi.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(stringify(second)),
    });
    await upload.getByLabel('Version label').fill('2.0.1');
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.getByText(/Unchanged: the same document as 2\.0\.0/).waitFor();
    await expect.poll(() => versions.getByRole('row').count(), patience).toBe(3);
    // A document that does not load is refused with the loader's message and where it stopped.
    await upload.getByLabel('Contract file').setInputFiles({
      name: 'openapi.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('openapi: 3.1.0\ninfo:\n  title: [Users\n'),
    });
    await upload.getByLabel('Version label').fill('2.1.0');
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText(/Where: openapi\.yaml, line \d+/).waitFor();

    // Comparing the two versions now gives the same breaking change.
    await page.getByRole('link', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { name: 'Compare versions', level: 1 }).waitFor();
    await page.getByLabel('From (older)').selectOption({ label: '1.0.0' });
    await page.getByLabel('To (newer)').selectOption({ label: '2.0.0' });
    await page.getByRole('button', { name: 'Compare' }).click();
    const comparison = page.getByRole('region', { name: '1.0.0 → 2.0.0' });
    await comparison
      .getByRole('article', { name: 'DELETE /users/{id}' })
      .getByText('admin-console')
      .waitFor();

    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);

  it('registers consumers by hand and by Pact file, and adds an API', async () => {
    const { page, errors } = await signedIn();
    await page.goto(`${server.url}/projects/${projectId}/contracts`);
    await page.getByRole('region', { name: 'APIs' }).getByRole('link', { name: 'users' }).click();
    const section = page.getByRole('region', { name: 'Consumers' });

    // By hand: an operation the API refuses is named by its line; a good list is saved.
    await section.getByRole('button', { name: 'Add a consumer' }).click();
    const form = section.getByRole('form', { name: 'Add a consumer' });
    await form.getByLabel('Name').fill('mobile-app');
    await form.getByLabel('Contact (optional)').fill('mobile@example.com');
    await form.getByLabel('Operations it calls').fill('get /users/{}\nFETCH users');
    await form.getByRole('button', { name: 'Add consumer' }).click();
    await form.getByText(/^line 2: /).waitFor();
    await form.getByLabel('Operations it calls').fill('get /users/{}');
    await form.getByRole('button', { name: 'Add consumer' }).click();
    const card = section
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'mobile-app' }) });
    await card.getByText('GET /users/{}', { exact: true }).waitFor();
    await card.getByText(/registered by hand/).waitFor();

    // Edited: one more operation.
    await card.getByRole('button', { name: 'Edit mobile-app' }).click();
    await card.getByLabel('Operations it calls').fill('GET /users/{}\nGET /users');
    await card.getByRole('button', { name: 'Save consumer' }).click();
    await card.getByText('GET /users', { exact: true }).waitFor();

    // A file that is not JSON is refused before it is sent; a Pact file replaces what it uses.
    const pactPicker = card.getByLabel('Pact file for mobile-app');
    await pactPicker.setInputFiles({
      name: 'pact.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await card.getByText(/pact\.json is not JSON/).waitFor();
    const pact = {
      consumer: { name: 'mobile-app' },
      provider: { name: 'users' },
      interactions: [
        {
          description: 'a user by id',
          request: { method: 'GET', path: '/users/42' },
          response: { status: 200, body: { id: '42', name: 'Ada' } },
        },
      ],
      metadata: { pactSpecification: { version: '2.0.0' } },
    };
    await pactPicker.setInputFiles({
      name: 'mobile-app-users.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pact)),
    });
    await card.getByText('Read: it calls 1 operation.').waitFor();
    await card.getByText(/from its Pact file/).waitFor();

    // A new API, registered from the project's list, opens on its own page with nothing uploaded.
    await page.getByRole('link', { name: 'API contracts' }).click();
    await page.getByRole('button', { name: 'Add an API' }).click();
    const newApi = page.getByRole('form', { name: 'Add an API' });
    await newApi.getByLabel('Name').fill('billing');
    await newApi.getByLabel('Kind').selectOption('graphql');
    await newApi.getByLabel('Version in production').fill('1.0.0');
    await newApi.getByRole('button', { name: 'Add API' }).click();
    await page.getByRole('heading', { name: /^billing/, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Versions' }).getByText('No version uploaded yet.').waitFor();

    expect(errors).toEqual([]);
  }, 180_000);
});
