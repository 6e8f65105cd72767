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

const owner = { email: 'hana@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };
const levelNames: Record<string, string> = {
  none: 'No level',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};
const settingsPages = [
  ['/settings/members', 'Members'],
  ['/settings/tokens', 'Tokens and agents'],
  ['/settings/review-rules', 'PRD review rules'],
  ['/settings/decision-types', 'Decision types'],
  ['/settings/readiness-checks', 'Readiness checks'],
  ['/settings/audit-retention', 'Audit retention'],
  ['/settings/search', 'Search'],
] as const;

if (!hasChromium) console.warn(`Skipping the home browser test: no chromium at ${chromiumPath}.`);

describe.skipIf(!hasChromium)('the portfolio home, theme, keyboard and settings', () => {
  let server: Server;
  let browser: BrowserSession;
  let project: { id: string };

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'home');
    project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', { name: 'Demo', key: 'DEMO' });
    await api(server, 'POST', `/api/v1/projects/${project.id}/prd-reviews`, {
      title: 'Refunds v2',
      content: '## Problem\n\nCustomers wait too long for refunds.\n',
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (width = 1280) => browser.signIn(owner, width);

  function keepFailures() {
    browser.saveFailures();
  }

  it('lists the demo project at the API’s level with its gaps, and activity in words', async () => {
    keepFailures();
    const { page, errors } = await signedIn();
    const scorecard = await api<{ level: string }>(server, 'GET', `/api/v1/projects/${project.id}/readiness`);
    const demo = page
      .getByRole('region', { name: 'Readiness by project' })
      .getByRole('listitem', { name: 'Demo' });
    await demo.locator('.level-badge').waitFor();
    expect(await demo.locator('.level-badge').textContent()).toBe(levelNames[scorecard.level]);
    const gap = demo.locator('.gaps a').first();
    expect(await gap.getAttribute('href')).toMatch(
      new RegExp(`^/projects/${project.id}/readiness/areas/[a-z-]+$`),
    );

    const activity = page.getByRole('region', { name: 'Recent activity' });
    await activity.getByRole('link', { name: 'You created Refunds v2 in Demo' }).waitFor();
    await activity.getByRole('link', { name: 'You created the project Demo' }).waitFor();
    const lines = await activity.getByRole('listitem').allTextContents();
    for (const line of lines) expect(line).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    await screenshot(page, 'home');
    expect(errors).toEqual([]);
  });

  it('focuses search on / and opens a suggestion with the arrow keys and Enter', async () => {
    keepFailures();
    const { page, errors } = await signedIn();
    await page.locator('body').press('/');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('header-search');
    await page.keyboard.type('Refu');
    await page.getByRole('option', { name: /Refunds v2/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option', { name: /Refunds v2/ }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/projects\/[^/]+\/prds\/[^/]+$/);
    // Typing a slash inside a field types it.
    await page.getByLabel('Search everything').fill('a');
    await page.getByLabel('Search everything').press('/');
    expect(await page.getByLabel('Search everything').inputValue()).toBe('a/');
    expect(errors).toEqual([]);
  });

  it('switches to the dark theme, keeps it after a reload, and follows the system otherwise', async () => {
    keepFailures();
    const { page, errors } = await signedIn();
    const background = () => page.evaluate('getComputedStyle(document.documentElement).backgroundColor');
    const light = await background();
    await page.getByRole('button', { name: 'Dark' }).click();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
    expect(await background()).toBe(dark);
    await page.getByRole('button', { name: 'System' }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(dark);
    await page
      .getByRole('region', { name: 'Readiness by project' })
      .locator('.level-badge')
      .first()
      .waitFor();
    await screenshot(page, 'home-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe(light);
    expect(errors).toEqual([]);
  });

  it('shows the home as cards on a phone', async () => {
    keepFailures();
    const { page, errors } = await signedIn(390);
    await page
      .getByRole('region', { name: 'Readiness by project' })
      .locator('.level-badge')
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'home-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'home-phone-dark');
    await page.goto(`${server.url}/settings/members`);
    const cell = page.getByRole('table').getByRole('cell').first();
    expect(await cell.getAttribute('data-label')).toBe('Name');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('table.list td')).display`)).toBe(
      'block',
    );
    expect(errors).toEqual([]);
  });

  it('loads every settings page from the side navigation', async () => {
    keepFailures();
    const { page, errors } = await signedIn();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    for (const [path, title] of settingsPages) {
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      expect(page.url()).toBe(`${server.url}${path}`);
      await expect.poll(() => page.locator('[aria-busy="true"]').count(), patience).toBe(0);
      expect(await page.locator('.error-state').count()).toBe(0);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    }
    // A rejected value is shown at its field.
    await page.goto(`${server.url}/settings/audit-retention`);
    await page.getByLabel('Days in the recent log').fill('0');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.locator('#retention-hot-error').waitFor();
    await page.goto(`${server.url}/settings/members`);
    await page.getByRole('heading', { name: 'People and roles' }).waitFor();
    await screenshot(page, 'settings-members');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'settings-members-dark');
    expect(errors).toEqual([]);
  });

  it('shows a 404 from the API at once, without asking again', async () => {
    keepFailures();
    const { page, errors } = await signedIn();
    const missing = '01900000-0000-7000-8000-000000000000';
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(`/api/v1/decision-logs/${missing}`)) asked.push(request.url());
    });
    const started = Date.now();
    await page.goto(`${server.url}/decisions/${missing}`);
    await page.locator('.error-state').waitFor();
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.waitForTimeout(1_500);
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
