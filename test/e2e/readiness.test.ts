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
  seedDemo,
  startServer,
} from './support.ts';

/** The parts of `GET /projects/{id}/readiness` the test compares with the screen. */
interface Check {
  id: string;
  level: string;
  title: string;
  why: string;
  rows: { table: string; id: string; name: string }[];
}
interface PlanArea {
  slug: string;
  tables: { name: string; slug: string }[];
}
interface AreaScore {
  number: number;
  slug: string;
  title: string;
  applicable: boolean;
  level: string | null;
  nextLevel: string | null;
  passing: Check[];
  failing: Check[];
  disabled: Check[];
}
interface Scorecard {
  level: string;
  areas: AreaScore[];
}

const owner = { email: 'mara@example.com', password: 'owner-password-123' };
const editor = { email: 'ed@example.com', password: 'editor-password-123', name: 'Ed Editor' };
const patience = { timeout: 30_000 };

/** How a level reads on screen; an area without one is "Not applicable". */
const shown = (level: string | null | undefined) =>
  level ? (level === 'none' ? 'No level' : level.charAt(0).toUpperCase() + level.slice(1)) : 'Not applicable';
/** The level an area shows. */
const levelText = (area: AreaScore) => shown(area.level);
const rank = (level: string | null | undefined) => ['none', 'bronze', 'silver', 'gold'].indexOf(level ?? '');
const countsText = (area: AreaScore) =>
  `${area.passing.length} of ${area.passing.length + area.failing.length} checks passing`;

if (!hasChromium) {
  console.warn(`Skipping the readiness browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('readiness in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  let projectId: string;

  beforeAll(async () => {
    server = await startServer(owner);
    projectId = await seedDemo(server);
    browser = await openBrowser(server, 'readiness');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const scorecard = () => api<Scorecard>(server, 'GET', `/api/v1/projects/${projectId}/readiness`);
  const areaOf = async (slug: string) => (await scorecard()).areas.find((area) => area.slug === slug);

  const signedIn = (width = 1280, who = owner) => browser.signIn(who, width);

  /** Every area's card on the scorecard shows the API's level and passing/total counts. */
  async function expectScorecardMatches(page: Page, card: Scorecard) {
    const areas = page.getByRole('list', { name: 'Areas' });
    await expect.poll(() => areas.getByRole('article').count(), patience).toBe(card.areas.length);
    for (const area of card.areas) {
      const article = areas.getByRole('article', { name: `${area.number}. ${area.title}`, exact: true });
      expect(await article.locator('.area-score .level-badge').textContent()).toBe(levelText(area));
      expect(await article.locator('.area-score .counts').textContent()).toBe(countsText(area));
    }
  }

  /** A failing check's rows at fault link to their rows in the area's plan tables. */
  async function expectFaultyRowsLinked(page: Page, card: Scorecard) {
    const area = card.areas.find((candidate) => candidate.failing.some((check) => check.rows.length > 0));
    const check = area?.failing.find((candidate) => candidate.rows.length > 0);
    const row = check?.rows[0];
    if (!area || !check || !row) throw new Error('the demo has no failing check with rows at fault');
    const planAreas = await api<{ data: PlanArea[] }>(server, 'GET', '/api/v1/plan/areas');
    const table = planAreas.data
      .find((candidate) => candidate.slug === area.slug)
      ?.tables.find((candidate) => candidate.name.replace(/^plan\./, '') === row.table);
    await page.getByRole('link', { name: `${area.number}. ${area.title}`, exact: true }).click();
    const article = page.getByRole('article', { name: check.title, exact: true });
    const link = article.getByRole('link', { name: row.name, exact: true });
    expect(await link.getAttribute('href')).toBe(
      `/projects/${projectId}/plan/${area.slug}?table=${table?.slug}&row=${row.id}`,
    );
    await screenshot(page, 'readiness-area');
    await page.getByRole('link', { name: 'Readiness', exact: true }).click();
    await page.getByRole('heading', { name: 'Readiness', level: 1 }).waitFor();
  }

  it('shows the demo project’s scorecard as the API evaluates it, and raises a level with a waiver', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn();
    const card = await scorecard();

    // The home page lists projects least ready first, each with its level and biggest gaps.
    const portfolio = page.getByRole('region', { name: 'Readiness by project' });
    const listed = portfolio.getByRole('listitem', { name: 'Payments service' });
    await listed.locator('.level-badge').waitFor();
    expect(await listed.locator('.level-badge').textContent()).toBe(shown(card.level));
    await screenshot(page, 'readiness-home');

    // The project's page sums its readiness up, and leads to the scorecard.
    await page.getByRole('link', { name: 'Projects' }).first().click();
    await page.getByRole('link', { name: 'Payments service' }).click();
    await page.getByRole('heading', { name: /Payments service/, level: 1 }).waitFor();
    const summary = page.getByRole('region', { name: 'Readiness' });
    await summary.getByText('Biggest gaps, least ready first:').waitFor();
    expect(await summary.locator('.level-badge.large').textContent()).toBe(shown(card.level));
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'readiness-project');
    await summary.getByRole('link', { name: 'See the scorecard' }).click();

    await page.getByRole('heading', { name: 'Readiness', level: 1 }).waitFor();
    expect(await page.locator('.overall .level-badge').textContent()).toBe(shown(card.level));
    await expectScorecardMatches(page, card);
    await screenshot(page, 'readiness-scorecard');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'readiness-scorecard-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await expectFaultyRowsLinked(page, card);

    // An area one check short of its next level: waiving that check raises it.
    const target = card.areas.find(
      (area) =>
        area.applicable &&
        area.nextLevel &&
        area.failing.filter((c) => c.level === area.nextLevel).length === 1,
    );
    expect(target, 'an area one check short of its next level').toBeDefined();
    if (!target?.nextLevel) return;
    const gap = target.failing.find((check) => check.level === target.nextLevel);
    if (!gap) return;
    await page.getByRole('link', { name: `${target.number}. ${target.title}`, exact: true }).click();
    await page.getByRole('heading', { name: `${target.number}. ${target.title}`, level: 1 }).waitFor();
    expect(await page.locator('.overall .level-badge').textContent()).toBe(levelText(target));
    const check = page.getByRole('article', { name: gap.title, exact: true });
    await check.getByText(gap.why).waitFor();
    await check.scrollIntoViewIfNeeded();

    // A past expiry is refused, and the API's message shows under the date.
    await check.getByRole('button', { name: 'Waive' }).click();
    const form = check.getByRole('form', { name: `Waive ${gap.title}` });
    await form.getByLabel('Reason').fill('The vendor fixes this in the next release; tracked in PAY-42.');
    await form.getByLabel('Expires on').fill('2020-01-01');
    await form.getByRole('button', { name: 'Waive check' }).click();
    await form.getByText('must be in the future and at most a year ahead').waitFor();
    await screenshot(page, 'readiness-waive');
    await form.getByLabel('Expires on').fill(dayFromToday(10));
    await form.getByRole('button', { name: 'Waive check' }).click();
    await check.getByText('waived', { exact: true }).waitFor();
    // The level rises past the rung the check stood in (higher still when nothing else was missing).
    const after = await areaOf(target.slug);
    expect(rank(after?.level)).toBeGreaterThanOrEqual(rank(target.nextLevel));
    await expect
      .poll(() => page.locator('.overall .level-badge').textContent(), patience)
      .toBe(shown(after?.level));
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'readiness-waived');

    // The waivers page lists it, expiring within 14 days, given by the signed-in owner.
    await page.getByRole('link', { name: 'Readiness' }).click();
    await page.getByRole('link', { name: 'Waivers' }).click();
    await page.getByRole('heading', { name: 'Waivers', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: gap.id });
    await row.getByText('PAY-42').waitFor();
    await row.getByText('expires soon').waitFor();
    await row.getByText('(you)').waitFor();
    await screenshot(page, 'readiness-waivers');

    expect(errors).toEqual([]);
  }, 180_000);

  it('marks an area not applicable and puts it back, and disables a check for the workspace and enables it', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn();
    const before = await areaOf('caching');
    expect(before?.applicable).toBe(true);
    await page.goto(`${server.url}/projects/${projectId}/readiness/areas/caching`);
    await page.getByRole('heading', { name: '6. Caching', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mark not applicable' }).click();
    const form = page.getByRole('form', { name: 'Mark Caching not applicable' });
    await form.getByLabel('Reason').fill('Every read goes to the database; nothing is cached.');
    await form.getByRole('button', { name: 'Mark not applicable' }).click();
    await page.getByText('Not applicable to this project:').waitFor();
    expect(await page.locator('.overall .level-badge').textContent()).toBe('Not applicable');
    expect((await areaOf('caching'))?.applicable).toBe(false);

    await page.getByRole('button', { name: 'Undo: the area applies' }).click();
    await page.getByRole('button', { name: 'Mark not applicable' }).waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    await expect
      .poll(() => page.locator('.overall .level-badge').textContent(), patience)
      .toBe(shown(before?.level));
    expect(await areaOf('caching')).toMatchObject({ applicable: true, level: before?.level });

    // A check disabled for the workspace stops counting; enabled again, it counts.
    const check = before?.failing[0] ?? before?.passing[0];
    if (!check) throw new Error('caching has no checks');
    const article = page.getByRole('article', { name: check.title, exact: true });
    await article.getByRole('button', { name: 'Disable for the workspace' }).click();
    const disable = article.getByRole('form', { name: `Disable ${check.title}` });
    await disable.getByLabel('Reason').fill('Caches here are per request only.');
    await disable.getByRole('button', { name: 'Disable check' }).click();
    await article.getByText('disabled', { exact: true }).waitFor();
    await article.getByText('Disabled for the workspace: Caches here are per request only.').waitFor();
    const disabled = await areaOf('caching');
    expect(disabled?.disabled.map((outcome) => outcome.id)).toEqual([check.id]);
    await article.getByRole('button', { name: 'Enable again' }).click();
    await article.getByRole('button', { name: 'Disable for the workspace' }).waitFor();
    expect((await areaOf('caching'))?.disabled).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('offers an editor the not-applicable mark but not waivers or disabling, which need an administrator', async () => {
    browser.saveFailures();
    const invitation = await api<{ token: string }>(server, 'POST', '/api/v1/invitations', {
      email: editor.email,
      role: 'editor',
    });
    await api(server, 'POST', '/api/v1/invitations/accept', {
      token: invitation.token,
      displayName: editor.name,
      password: editor.password,
    });
    const { page, errors } = await signedIn(1280, editor);
    await page.goto(`${server.url}/projects/${projectId}/readiness/areas/feature-flags`);
    await page.getByRole('heading', { name: '5. Feature flags', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mark not applicable' }).waitFor();
    expect(await page.getByText('fail', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Waive' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Disable for the workspace' }).count()).toBe(0);
    await page.goto(`${server.url}/projects/${projectId}/readiness/waivers`);
    await page.getByRole('heading', { name: 'Waivers', level: 1 }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('reads at phone width, light and dark', async () => {
    browser.saveFailures();
    const { page, errors } = await signedIn(390);
    await page.goto(`${server.url}/projects/${projectId}/readiness`);
    await expectScorecardMatches(page, await scorecard());
    await screenshot(page, 'readiness-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'readiness-phone-dark');
    expect(errors).toEqual([]);
  }, 120_000);
});

/** `YYYY-MM-DD`, `days` from today in the local calendar, as a date input takes it. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
