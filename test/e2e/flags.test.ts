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

if (!hasChromium) {
  console.warn(`Skipping the feature flags browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('feature flags in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'flags');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a flag, targets a rollout, turns it on in production, tries it, refuses a cycle and kills it', async () => {
    browser.saveFailures();
    const { page, errors } = await browser.signIn(owner);

    // A project, then its feature flags from the project's page.
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Name').fill('Checkout');
    await page.getByLabel('Key').fill('CHK');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: /Checkout/, level: 1 }).waitFor();
    const projectId = /\/projects\/([^/]+)/.exec(page.url())?.[1] ?? '';
    const section = page.getByRole('region', { name: 'Feature flags' });
    await section.getByText('No feature flags yet.').waitFor();
    await section.getByRole('link', { name: 'Feature flags' }).click();
    await page.getByRole('heading', { name: 'Feature flags', level: 1 }).waitFor();

    // Two flags through the form: the second one's removal date has passed.
    const createFlag = async (key: string, owner: string, removalDate: string, critical: boolean) => {
      await page.getByRole('button', { name: 'New flag' }).click();
      const form = page.getByRole('form', { name: 'New flag' });
      await form.getByLabel('Key').fill(key);
      await form.getByLabel('Kind').selectOption('release');
      await form.getByLabel('Type').selectOption('boolean');
      await form.getByLabel('Owner').fill(owner);
      await form.getByLabel('Removal date').fill(removalDate);
      if (critical) await form.getByLabel(/Critical/).check();
      await form.getByRole('button', { name: 'Create flag' }).click();
      await page.getByRole('heading', { name: key, level: 1 }).waitFor();
    };
    await createFlag('new-payments', 'payments', '2020-01-31', false);
    await page.getByRole('link', { name: 'Feature flags' }).click();
    await createFlag('checkout-v2', 'checkout-crew', '2099-06-30', true);

    // What the plan says of the flag is edited in place: the owner was mistyped.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const details = page.getByRole('form', { name: 'Flag details' });
    await details.getByLabel('Owner').fill('checkout-team');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'detached' });
    await page.locator('.flag-facts').getByText('checkout-team').waitFor();

    // A rule in production: country IN NL, BE, for 25 % of them.
    const production = page.getByRole('tab', { name: /production/ });
    expect(await production.getAttribute('aria-selected')).toBe('true');
    const rules = page.getByRole('form', { name: 'Rules in production' });
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const rule = rules.getByRole('region', { name: 'Rule 1' });
    await rule.getByRole('button', { name: 'Add constraint' }).click();
    await rule.getByLabel('Context field').fill('country');
    await rule.getByLabel('Operator').selectOption('IN');
    await rule.getByLabel('Values (comma-separated)').fill('NL, BE');
    await rule.getByLabel('Rollout of rule 1 (%)').fill('25');
    expect(await rule.getByLabel('Rollout of rule 1 slider').inputValue()).toBe('25');
    await rules.getByRole('button', { name: 'Save production' }).click();
    await rules.getByRole('status').getByText('Saved.').waitFor();
    await page.evaluate(`document.getElementById('flag-environments-heading').scrollIntoView()`);
    await screenshot(page, 'flag-rules');

    // On in production: the switch asks first, naming the flag and the environment.
    const toggle = page.getByRole('switch', { name: 'checkout-v2 in production' });
    await toggle.click();
    const confirm = page.getByRole('dialog', { name: 'Turn checkout-v2 on in production?' });
    await confirm.waitFor();
    await screenshot(page, 'flag-confirm');
    await confirm.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => toggle.getAttribute('aria-checked'), patience).toBe('true');

    // Try it: a context outside the rule gets the default; one inside gets a decision of the rollout.
    const tryIt = page.getByRole('region', { name: 'Try it in production' });
    const context = tryIt.getByLabel('Evaluation context (JSON)');
    await context.fill('{ "userId": "user-7", "properties": { "country": "US" } }');
    await tryIt.getByRole('button', { name: 'Evaluate' }).click();
    const evaluation = tryIt.getByRole('definition').nth(2);
    await expect.poll(() => evaluation.textContent(), patience).toContain('DEFAULT');
    await context.fill('{ "userId": "user-7", "properties": { "country": "NL" } }');
    await tryIt.getByRole('button', { name: 'Evaluate' }).click();
    await expect.poll(() => evaluation.textContent(), patience).toMatch(/SPLIT|DEFAULT/);
    await page.evaluate(`document.getElementById('flag-try-it-heading').scrollIntoView()`);
    await screenshot(page, 'flag-try-it');

    // A prerequisite, drawn as a chain; the reverse one would close a cycle and is refused.
    const prerequisites = page.getByRole('region', { name: 'Prerequisites' });
    await prerequisites.getByRole('button', { name: 'Add prerequisite' }).click();
    await prerequisites.getByLabel('Flag needed').fill('new-payments');
    await prerequisites.getByRole('button', { name: 'Save prerequisites' }).click();
    await prerequisites.getByRole('img', { name: /checkout-v2 needs new-payments/ }).waitFor();
    await page.evaluate(`document.getElementById('flag-prerequisites-heading').scrollIntoView()`);
    await screenshot(page, 'flag-prerequisites');
    await page.goto(`${server.url}/projects/${projectId}/flags/new-payments`);
    await page.getByRole('heading', { name: 'new-payments', level: 1 }).waitFor();
    const reverse = page.getByRole('region', { name: 'Prerequisites' });
    await reverse.getByRole('button', { name: 'Add prerequisite' }).click();
    await reverse.getByLabel('Flag needed').fill('checkout-v2');
    await reverse.getByRole('button', { name: 'Save prerequisites' }).click();
    await reverse
      .getByRole('alert')
      .getByText(/(new-payments|checkout-v2) → .*→/)
      .waitFor();
    await page.evaluate(`document.getElementById('flag-prerequisites-heading').scrollIntoView()`);
    await screenshot(page, 'flag-prerequisite-cycle');

    // The kill switch needs a reason, then turns it off everywhere.
    await page.goto(`${server.url}/projects/${projectId}/flags/checkout-v2`);
    await page.getByRole('heading', { name: 'checkout-v2', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Kill switch' }).click();
    const kill = page.getByRole('dialog', { name: 'Turn checkout-v2 off everywhere?' });
    await kill.getByRole('button', { name: 'Kill the flag' }).click();
    await kill.getByText('A reason is required.').waitFor();
    await kill.getByLabel('Reason (kept in the audit trail)').fill('Card payments fail for NL users');
    await screenshot(page, 'flag-kill');
    await kill.getByRole('button', { name: 'Kill the flag' }).click();
    await kill.waitFor({ state: 'hidden' });
    const killed = page.getByRole('switch', { name: 'checkout-v2 in production' });
    await expect.poll(() => killed.getAttribute('aria-checked'), patience).toBe('false');

    // A ramp of rule 1 in three steps, scheduled; the last step cancelled.
    const schedule = page.getByRole('region', { name: 'Scheduled changes' });
    await schedule.getByRole('button', { name: 'Schedule ramp' }).click();
    await expect.poll(() => schedule.getByRole('row').count(), patience).toBe(4);
    await schedule
      .getByRole('button', { name: /Cancel the change/ })
      .last()
      .click();
    await schedule.getByText('cancelled').waitFor();
    await page.evaluate(`document.getElementById('flag-schedule-heading').scrollIntoView()`);
    await screenshot(page, 'flag-schedule');

    // The list per environment, the stale flag marked.
    await page.getByRole('link', { name: 'Feature flags' }).click();
    await page.getByRole('heading', { name: 'Feature flags', level: 1 }).waitFor();
    const list = page.getByRole('tabpanel');
    await expect.poll(() => list.getByRole('row').count(), patience).toBe(3);
    await list.getByRole('row').filter({ hasText: 'new-payments' }).getByText('stale').waitFor();
    await screenshot(page, 'flags');

    // The stale list: why, and where the code still reads the flag.
    await api(server, 'PUT', `/api/v1/projects/${projectId}/flags/code-references`, {
      references: [
        {
          flagKey: 'new-payments',
          path: 'src/payments/checkout.ts',
          line: 42,
          excerpt: "isEnabled('new-payments')",
        },
      ],
    });
    await page.getByRole('link', { name: 'Stale flags' }).click();
    await page.getByRole('heading', { name: 'Stale flags', level: 1 }).waitFor();
    const stale = page.getByRole('row').filter({ hasText: 'new-payments' });
    await stale.getByText('past its removal date').waitFor();
    await stale.getByText('src/payments/checkout.ts:42').waitFor();
    await screenshot(page, 'flags-stale');

    // Segments and SDK keys: a new key's secret shows once, with a warning.
    await page.getByRole('link', { name: 'Feature flags' }).click();
    await page.getByRole('link', { name: 'Segments and SDK keys' }).click();
    await page.getByRole('heading', { name: 'Segments and SDK keys', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New segment' }).click();
    const segment = page.getByRole('form', { name: 'New segment' });
    await segment.getByLabel('Segment name').fill('Benelux');
    await segment.getByRole('button', { name: 'Add constraint' }).click();
    await segment.getByLabel('Context field').fill('country');
    await segment.getByLabel('Values (comma-separated)').fill('NL, BE, LU');
    await segment.getByRole('button', { name: 'Create segment' }).click();
    await page.getByText('country IN NL, BE, LU').waitFor();
    const keys = page.getByRole('form', { name: 'New SDK key' });
    await keys.getByLabel('Key name').fill('checkout service');
    await keys.getByLabel('Environment').selectOption('production');
    await keys.getByRole('button', { name: 'Create SDK key' }).click();
    await page.getByText('Copy this key now: it is shown only once.').waitFor();
    const secret = (await page.locator('.flag-secret code').textContent()) ?? '';
    expect(secret).toMatch(/^shp_srv_/);
    // A server SDK reports what it evaluated in the last hour, as Unleash clients do.
    const reported = await fetch(`${server.url}/api/client/metrics`, {
      method: 'POST',
      headers: { authorization: secret, 'content-type': 'application/json' },
      body: JSON.stringify({
        appName: 'checkout',
        bucket: {
          start: new Date(Date.now() - 3_600_000).toISOString(),
          stop: new Date().toISOString(),
          toggles: { 'checkout-v2': { yes: 30, no: 90 } },
        },
      }),
    });
    expect(reported.status).toBeLessThan(300);
    await screenshot(page, 'flags-settings');
    // Revoking asks first, naming the key; the key stays listed as revoked.
    await page.getByRole('button', { name: 'Revoke checkout service' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke the SDK key checkout service?' });
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'checkout service' }).getByText('revoked').waitFor();

    expect(errors).toEqual([]);
  }, 180_000);

  it('shows a rule problem at its field, and offers the latest version when someone saved first', async () => {
    browser.saveFailures();
    const { page, errors } = await browser.signIn(owner);
    const projects = await api<{ data: { id: string; key: string }[] }>(
      server,
      'GET',
      '/api/v1/projects?limit=50',
    );
    const projectId = projects.data.find((project) => project.key === 'CHK')?.id ?? '';
    await page.goto(`${server.url}/projects/${projectId}/flags/checkout-v2`);
    // What the SDK reported, per day, yes and no.
    const evaluations = page.getByRole('region', { name: 'Evaluations in production' });
    await evaluations.getByRole('img', { name: /120 evaluations in production/ }).waitFor();
    await page.evaluate(`document.getElementById('flag-metrics-heading').scrollIntoView()`);
    await screenshot(page, 'flag-evaluations');
    await page.getByRole('tab', { name: 'staging' }).click();
    const rules = page.getByRole('form', { name: 'Rules in staging' });
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByRole('button', { name: 'Add constraint' }).click();

    // A constraint without values: the engine's problem shows under the values field.
    await rules.getByRole('button', { name: 'Save staging' }).click();
    const values = rules.getByRole('group', { name: 'Constraint 1' });
    await values.getByText('IN needs at least one value.').waitFor();
    await values.getByLabel('Values (comma-separated)').fill('user-1');

    // Someone turns staging on meanwhile: the save is refused and their version offered.
    await api(server, 'PATCH', `/api/v1/projects/${projectId}/flags/checkout-v2/environments/staging`, {
      enabled: true,
    });
    await rules.getByRole('button', { name: 'Save staging' }).click();
    await rules.getByText(/Someone else changed staging/).waitFor();
    await screenshot(page, 'flag-stale-save');
    await rules.getByRole('button', { name: 'Load the latest version' }).click();
    await page
      .getByRole('form', { name: 'Rules in staging' })
      .getByText('No rules: when on, the flag is on for everyone.')
      .waitFor();
    const toggle = page.getByRole('switch', { name: 'checkout-v2 in staging' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(errors).toEqual([]);
  }, 120_000);

  it('reads at phone width and in the dark theme', async () => {
    browser.saveFailures();
    const { page, errors } = await browser.signIn(owner, 390);
    const projects = await api<{ data: { id: string; key: string }[] }>(
      server,
      'GET',
      '/api/v1/projects?limit=50',
    );
    const projectId = projects.data.find((project) => project.key === 'CHK')?.id ?? '';
    await page.goto(`${server.url}/projects/${projectId}/flags`);
    await page.getByRole('heading', { name: 'Feature flags', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'checkout-v2' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'flags-phone');
    await page.goto(`${server.url}/projects/${projectId}/flags/checkout-v2`);
    await page.getByRole('region', { name: 'Rule 1' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'flag-phone-dark');
    expect(errors).toEqual([]);
  }, 120_000);
});
