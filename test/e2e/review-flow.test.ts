// The review flow a team lives in, through the browser against a real server: sign in, create a
// project, write and submit a PRD, a second member requests changes on a selected sentence, the
// author edits, the reviewer approves, a decision references the PRD and is found again, and the
// PRD's history is viewed as of before the approval. Each screen is saved (see support.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  api,
  chromiumPath,
  hasChromium,
  launchBrowser,
  type Server,
  screenshot,
  selectText,
  startServer,
  watchConsole,
} from './support.ts';

const owner = { email: 'olivia@example.com', password: 'owner-password-123' };
const reviewer = { email: 'rita@example.com', password: 'reviewer-password-123', name: 'Rita Reviewer' };
const sentence = 'Refunds must complete within one day.';
/** Polls wait as long as locators do: the whole suite shares the machine with this browser. */
const patience = { timeout: 30_000 };

if (!hasChromium) {
  console.warn(`Skipping the browser suite: no chromium at ${chromiumPath} (apt-get install -y chromium).`);
}

describe.skipIf(!hasChromium)('the web UI, end to end', () => {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(who: { email: string; password: string }, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    consoleErrors.push(...[]);
    const errors = await watchConsole(page);
    page.on('close', () => consoleErrors.push(...errors));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(server.url);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    return page;
  }
  const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

  it('takes a PRD from draft to approval with a decision that references it', async () => {
    // On failure, keep what each page showed, for whoever reads the CI log.
    onTestFailed(async () => {
      for (const [index, context] of contexts.entries()) {
        for (const page of context.pages())
          await page.screenshot({ path: `test-results/e2e-failure-${index}.png` }).catch(() => {});
      }
    });
    // Sign-in page, then a wrong password answers at the form.
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const first = await context.newPage();
    (first as Page & { errors?: string[] }).errors = await watchConsole(first);
    await first.goto(server.url);
    await first.getByRole('heading', { name: 'Sign in to Shipshape' }).waitFor();
    await screenshot(first, 'sign-in');

    const author = await signedIn(owner);

    // A project, with the API's validation message shown at the Key field first.
    await author.getByRole('link', { name: 'Projects' }).click();
    await author.getByRole('button', { name: 'New project' }).click();
    await author.getByLabel('Name').fill('Payments');
    await author.getByLabel('Key').fill('pay');
    await author.getByRole('button', { name: 'Create project' }).click();
    await expect
      .poll(() => author.locator('#new-project-key-error').textContent(), patience)
      .toContain('uppercase');
    await author.getByLabel('Key').fill('PAY');
    await author.getByRole('button', { name: 'Create project' }).click();
    await author.getByRole('heading', { name: /Payments/ }).waitFor();
    const projectUrl = author.url();
    await screenshot(author, 'project');

    // The reviewer joins through an invitation made with the API.
    const invitation = await api<{ token: string }>(server, 'POST', '/api/v1/invitations', {
      email: reviewer.email,
      role: 'reviewer',
    });
    await api(server, 'POST', '/api/v1/invitations/accept', {
      token: invitation.token,
      displayName: reviewer.name,
      password: reviewer.password,
    });

    // Write the PRD in the editor with its live preview, then submit it for review.
    await author.getByLabel('New PRD title').fill('Refunds v2');
    await author.getByRole('button', { name: 'Write PRD' }).click();
    await author.getByRole('heading', { name: 'Edit PRD' }).waitFor();
    const content = [
      '# Refunds v2',
      '',
      '## Problem',
      '',
      `Customers wait too long for their money. ${sentence}`,
      '',
      '## Goals',
      '',
      'Refund from the order page.',
      '',
      '## Acceptance criteria',
      '',
      '- A refund of a paid order reaches the customer the next business day.',
      '',
    ].join('\n');
    // The live preview never runs what a document carries.
    await author
      .getByLabel('Content (Markdown)')
      .fill('<script>window.ran = 1</script>\n\n[click](javascript:window.ran=2)');
    const preview = author.getByRole('region', { name: 'Preview' });
    await preview.getByText('click').waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.getByText('click').getAttribute('href')).toBeNull();
    await author.getByLabel('Content (Markdown)').fill(content);
    await author.getByRole('region', { name: 'Preview' }).getByText(sentence).waitFor();
    await screenshot(author, 'prd-editor');
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/\/prds\/[^/]+$/);
    const prdUrl = author.url();
    await author.getByLabel('Ask for review').fill('Rita');
    await author.getByRole('button', { name: /Rita Reviewer/ }).click();
    await author.getByRole('button', { name: 'Request review' }).click();
    await author.getByText(`Waiting for`).waitFor();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByRole('heading', { name: /in review/ }).waitFor();

    // The reviewer finds the request on their home page and asks for changes on the sentence.
    const rita = await signedIn(reviewer);
    await rita
      .getByRole('region', { name: 'Reviews waiting on me' })
      .getByRole('link', { name: 'Refunds v2' })
      .click();
    await rita.locator('article.document').getByText(sentence).waitFor();
    await selectText(rita, 'article.document', sentence);
    await rita.getByRole('button', { name: 'Comment', exact: true }).click();
    await rita
      .getByRole('textbox', { name: 'Comment on the selected text' })
      .fill('Which day counts: calendar or business?');
    await rita.getByRole('button', { name: 'Add comment' }).click();
    await rita
      .getByRole('article', { name: /Comment by Rita/ })
      .getByText(`“${sentence}”`)
      .waitFor();
    await rita.getByRole('button', { name: 'Request changes…' }).click();
    await rita.getByLabel('What must change').fill('Say which day counts.');
    await rita.getByRole('button', { name: 'Send change request' }).click();
    await rita.getByRole('heading', { name: /changes requested/ }).waitFor();
    await expect
      .poll(() => rita.getByRole('region', { name: 'Reviewers' }).textContent(), patience)
      .toMatch(/Changes requested\s*Rita/);
    await rita.locator('article.document mark').getByText(sentence).waitFor();
    await screenshot(rita, 'prd-review');

    // The author edits, resolves the thread, compares revisions and resubmits.
    await author.reload();
    await author.getByRole('link', { name: 'Edit', exact: true }).click();
    await author
      .getByLabel('Content (Markdown)')
      .fill(content.replace(sentence, 'Refunds must complete within one business day.'));
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/\/prds\/[^/]+$/);
    await author.getByRole('button', { name: 'Resolve' }).click();
    await author.getByRole('button', { name: 'Reopen' }).waitFor();
    await author.getByRole('link', { name: 'Revisions' }).click();
    await author
      .getByRole('table', { name: /to revision 3/ })
      .getByText('business day')
      .first()
      .waitFor();
    await screenshot(author, 'prd-diff');
    await author.goto(prdUrl);
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByRole('heading', { name: /in review/ }).waitFor();

    // The reviewer approves the new revision.
    await rita.reload();
    await rita.getByRole('button', { name: 'Approve…' }).click();
    await rita.getByRole('button', { name: 'Approve this revision' }).click();
    await rita.getByRole('heading', { name: /approved/ }).waitFor();
    await expect.poll(() => rita.getByRole('complementary').textContent(), patience).toContain('1 of 1');

    // Earlier decisions, recorded through the API, give the timeline a history.
    for (const [title, decisionDate] of [
      ['Keep payments in one region', '2026-03-02'],
      ['Card data stays with the provider', '2026-06-15'],
    ]) {
      await api(server, 'POST', '/api/v1/decision-logs', {
        title,
        decisionType: 'architecture',
        decisionDate,
        status: 'accepted',
      });
    }

    // A decision that references the PRD, then found again through the header's search and the list's.
    await author.getByRole('link', { name: 'Decisions' }).click();
    await author.getByRole('link', { name: 'New decision' }).click();
    await author.getByLabel('Title', { exact: true }).fill('Refund through the payment provider');
    await author.getByLabel('Type').selectOption('architecture');
    await author.getByLabel('Project').selectOption({ label: 'Payments' });
    await author.getByLabel('Related PRDs').selectOption({ label: 'Refunds v2' });
    await author.getByLabel('Context and problem').fill('Refunds are manual today.');
    await author.getByRole('button', { name: 'Add an option' }).click();
    await author.getByLabel('Option 1 title').fill('Provider refunds API');
    await author.getByRole('button', { name: 'Create decision' }).click();
    await author.getByRole('link', { name: 'PRD: Refunds v2' }).waitFor();
    await screenshot(author, 'decision');
    await author.getByLabel('Search everything').fill('payment provider');
    await author.getByLabel('Search everything').press('Enter');
    await author.getByRole('heading', { name: 'Results for “payment provider”' }).waitFor();
    await author.getByRole('link', { name: 'Refund through the payment provider' }).click();
    await author.getByRole('link', { name: 'PRD: Refunds v2' }).waitFor();
    await author.getByRole('link', { name: 'Decisions' }).first().click();
    await author.getByLabel('Search decisions').fill('provider');
    await author.getByRole('link', { name: 'Refund through the payment provider' }).waitFor();
    await author.getByRole('img', { name: 'Decisions per month by status' }).waitFor();

    // The PRD as it was just before the approval: still in review.
    await author.goto(prdUrl);
    await author.getByRole('link', { name: 'Audit history' }).click();
    const events = author.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await events.filter({ hasText: 'prd_review.approved' }).waitFor();
    const approvedAt = await events
      .filter({ hasText: 'prd_review.approved' })
      .locator('time')
      .getAttribute('datetime');
    const before = new Date(Date.parse(approvedAt ?? '') - 1).toISOString();
    await author.getByLabel('Show the entity as it was at').fill(toLocalInput(before));
    const state = author.getByRole('region', { name: 'Entity state' });
    await expect.poll(() => state.textContent(), patience).toMatch(/Statusin_review/);
    await author.getByRole('link', { name: 'Audit', exact: true }).first().click();
    await author.getByLabel('Event type').fill('prd_review.approved');
    await expect.poll(() => author.getByRole('table').getByRole('row').count(), patience).toBe(2);
    await author.getByRole('cell', { name: /Rita/ }).waitFor();

    // Settings, and the PRD at phone width.
    await author.getByRole('link', { name: 'Settings' }).click();
    await author.getByRole('heading', { name: 'Members' }).waitFor();
    await author.getByText(reviewer.name).waitFor();
    await author.getByRole('link', { name: 'Tokens and agents' }).click();
    await author.getByLabel('Token name').fill('laptop');
    await author.getByRole('button', { name: 'Create token' }).click();
    const secret = await author.locator('.secret').textContent();
    expect(secret).toMatch(/^shp_/);
    await screenshot(author, 'settings');
    await author.getByRole('button', { name: 'I have copied it' }).click();
    await author.getByRole('button', { name: 'Revoke laptop' }).waitFor();
    await expect.poll(() => author.getByText(secret ?? '').count(), patience).toBe(0);
    const phone = await signedIn(reviewer, 390);
    await phone.goto(prdUrl);
    await phone.getByRole('heading', { name: /approved/ }).waitFor();
    await screenshot(phone, 'prd-phone');
    await phone.goto(projectUrl);
    await phone.getByRole('heading', { name: 'PRDs' }).waitFor();

    // Nothing any page did was an error, a CSP violation included.
    for (const page of [first, author, rita, phone]) expect(errorsOf(page)).toEqual([]);
  }, 180_000);

  it('shows the API documentation under its Content-Security-Policy', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const docs = await context.newPage();
    const errors = await watchConsole(docs);
    const answer = await docs.goto(`${server.url}/docs`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI has fetched the OpenAPI document and rendered its operations: it renders every
    // operation at once, which on a busy machine takes longer than a locator's default 30 s.
    await docs.locator('.opblock').first().waitFor({ timeout: 100_000 });
    expect(await docs.locator('.info .title').textContent()).toContain('Shipshape API');
    await docs.locator('.opblock-summary').first().click();
    await docs.locator('.opblock-body').first().waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});

/** An ISO instant as a datetime-local value in the browser's (here: the process's) time zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 23);
}
