// Reviewing a PRD the way a pull request is reviewed, through the browser against a real server: a
// new PRD starts from the section template, the editor asks before unsaved changes are left,
// reviewers are picked from the members, a reviewer comments through the Comment button at a
// selection, the thread sits in the margin beside its quote and the quote jumps to it, the banner
// names who asked for changes, and the diff shows the title once, split and unified. Any console
// error fails the test; each screen is saved (see support.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  type BrowserSession,
  chromiumPath,
  hasChromium,
  openBrowser,
  type Person,
  type Server,
  screenshot,
  selectText,
  startServer,
} from './support.ts';

const owner = { email: 'paula@example.com', password: 'owner-password-123' };
const rita = { email: 'rita@example.com', password: 'reviewer-password-123', name: 'Rita Reviewer' };
const sam = { email: 'sam@example.com', password: 'reviewer-password-123', name: 'Sam Reviewer' };
const sentence = 'Refunds reach the customer within one business day.';
const patience = { timeout: 30_000 };
const content = [
  '# Refunds v2',
  '',
  '## Problem',
  '',
  `Customers wait a week for their money. ${sentence}`,
  '',
  '## Goals',
  '',
  '- Refund from the order page.',
  '',
  '## Non-goals',
  '',
  '- Partial refunds.',
  '',
  '## Requirements',
  '',
  '- FR-001: A paid order can be refunded. Acceptance: the order page shows the refund.',
  '',
  '## Success criteria',
  '',
  '- SC-001: 95% of refunds reach customers within one business day.',
  '',
  '## Open questions',
  '',
  '- None.',
  '',
].join('\n');

/** The id of the element that has the keyboard focus. */
const focusedId = (page: Page) =>
  page.evaluate<string | null>('document.activeElement && document.activeElement.id');

if (!hasChromium) console.warn(`Skipping the PRD review browser test: no chromium at ${chromiumPath}.`);

describe.skipIf(!hasChromium)('PRD review in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;
  const pages: { page: Page; errors: string[] }[] = [];

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'prd-review');
    for (const member of [rita, sam]) {
      const invitation = await api<{ token: string }>(server, 'POST', '/api/v1/invitations', {
        email: member.email,
        role: 'reviewer',
      });
      await api(server, 'POST', '/api/v1/invitations/accept', {
        token: invitation.token,
        displayName: member.name,
        password: member.password,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(who: Person, width = 1280): Promise<Page> {
    const signed = await browser.signIn(who, width);
    pages.push(signed);
    return signed.page;
  }

  it('reviews a PRD with threads in the margin, a banner, members as reviewers and a clean diff', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Payments',
      key: 'PAY',
    });
    const author = await signedIn(owner);

    // A new PRD starts from the template of sections, linted while it is written.
    await author.goto(`${server.url}/projects/${project.id}`);
    await author.getByLabel('New PRD title').fill('Refunds v2');
    await author.getByRole('button', { name: 'Write PRD' }).click();
    await author.getByRole('heading', { name: 'Edit PRD' }).waitFor();
    const editor = author.getByLabel('Content (Markdown)');
    const template = await editor.inputValue();
    for (const section of [
      '## Problem',
      '## Non-goals',
      'FR-001',
      'SC-001',
      '## Risks',
      '## Open questions',
    ]) {
      expect(template).toContain(section);
    }
    const trail = author.locator('.crumbs');
    await trail.getByRole('link', { name: 'Payments' }).waitFor();
    await screenshot(author, 'prd-editor-template');

    // Lint follows the typing: a requirement without acceptance is named by its rule.
    await editor.fill(
      content.replace(
        'A paid order can be refunded. Acceptance: the order page shows the refund.',
        'Refunds are quick.',
      ),
    );
    const lint = author.getByRole('region', { name: /Lint/ });
    await lint.getByRole('heading', { name: /Vague wording/ }).waitFor(patience);
    await lint.getByRole('heading', { name: /Requirements without acceptance criteria/ }).waitFor();
    const [editorBox, previewBox] = [
      await editor.boundingBox(),
      await author.locator('.prd-editor-side').boundingBox(),
    ];
    expect(Math.abs((editorBox?.height ?? 0) - (previewBox?.height ?? 0))).toBeLessThan(60);

    // Leaving with unsaved changes asks first; declining stays in the editor.
    let asked = '';
    author.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await trail.getByRole('link', { name: 'Payments' }).click();
    await expect.poll(() => asked, patience).toContain('unsaved changes');
    expect(author.url()).toMatch(/\/edit$/);
    // So does the Back button; declining keeps the text.
    asked = '';
    author.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await author.goBack();
    await expect.poll(() => asked, patience).toContain('unsaved changes');
    expect(author.url()).toMatch(/\/edit$/);
    expect(await editor.inputValue()).not.toBe('');
    await editor.fill(content);
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/\/prds\/[^/]+$/);
    const prdUrl = author.url();
    const prdId = prdUrl.split('/').pop() ?? '';

    // One h1, the project's name in the trail, and reviewers picked from the members.
    await author.getByRole('heading', { name: /Refunds v2/, level: 1 }).waitFor();
    expect(await author.getByRole('heading', { level: 1 }).count()).toBe(1);
    await author.locator('.crumbs').getByRole('link', { name: 'Payments' }).waitFor();
    await author
      .getByRole('region', { name: 'Review rules' })
      .getByText(/approval/)
      .first()
      .waitFor();
    await author.getByLabel('Ask for review').fill('rit');
    await author.getByRole('button', { name: /Rita Reviewer/ }).click();
    await author.getByLabel('Ask for review').fill('sam@');
    await author.getByRole('button', { name: /Sam Reviewer/ }).click();
    await author.getByRole('button', { name: 'Request review' }).click();
    await expect
      .poll(() => author.getByRole('region', { name: 'Reviewers' }).textContent(), patience)
      .toMatch(/Waiting for.*(Rita Reviewer.*Sam Reviewer|Sam Reviewer.*Rita Reviewer)/);
    const requests = await api<{ data: { reviewerId: string }[] }>(
      server,
      'GET',
      `/api/v1/projects/${project.id}/prd-reviews/${prdId}/review-requests`,
    );
    const members = await api<{ data: { user: { id: string; email: string } }[] }>(
      server,
      'GET',
      '/api/v1/members',
    );
    const idOf = (email: string) => members.data.find((member) => member.user.email === email)?.user.id;
    expect(requests.data.map((request) => request.reviewerId).sort()).toEqual(
      [idOf(rita.email), idOf(sam.email)].sort(),
    );
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByRole('heading', { name: /in review/ }).waitFor();

    // Rita selects a sentence and comments through the floating Comment button.
    const reviewer = await signedIn(rita);
    await reviewer.goto(prdUrl);
    const documentText = reviewer.locator('article.document');
    await documentText.getByText(sentence).waitFor();
    await selectText(reviewer, 'article.document', sentence);
    await reviewer.getByRole('button', { name: 'Comment', exact: true }).click();
    const composer = reviewer.getByRole('textbox', { name: 'Comment on the selected text' });
    await expect.poll(() => focusedId(reviewer), patience).toBe(await composer.getAttribute('id'));
    await composer.fill('Which day counts: calendar or business?');
    await reviewer.getByRole('button', { name: 'Add comment' }).click();

    // The thread sits in the margin, beside its quote.
    const margin = reviewer.getByRole('region', { name: 'Threads on the text' });
    const thread = margin.getByRole('article', { name: /Comment by Rita/ });
    await thread.getByText('Which day counts').waitFor();
    const quote = documentText.locator('mark', { hasText: sentence });
    await quote.waitFor();
    await expect
      .poll(async () => {
        const [quoteBox, threadBox, documentBox] = [
          await quote.boundingBox(),
          await thread.boundingBox(),
          await documentText.boundingBox(),
        ];
        if (!quoteBox || !threadBox || !documentBox) return 'not laid out';
        const beside = threadBox.x >= documentBox.x + documentBox.width;
        const level = Math.abs(threadBox.y - quoteBox.y) < 48;
        return beside && level ? 'beside' : JSON.stringify({ quoteBox, threadBox, documentBox });
      }, patience)
      .toBe('beside');

    // The quote is focusable; Enter moves focus to its thread, and the thread links back.
    await quote.focus();
    await reviewer.keyboard.press('Enter');
    await expect.poll(() => focusedId(reviewer), patience).toBe(await thread.getAttribute('id'));
    await thread.getByRole('link', { name: 'Show in the document' }).click();
    await expect.poll(() => focusedId(reviewer), patience).toBe(await quote.getAttribute('id'));

    // Rita asks for changes: the banner says so, by name, to her and to the author.
    await reviewer.getByRole('button', { name: 'Request changes…' }).click();
    await reviewer.getByLabel('What must change').fill('Say which day counts.');
    await reviewer.getByRole('button', { name: 'Send change request' }).click();
    await reviewer.getByRole('heading', { name: /changes requested/ }).waitFor();
    await expect
      .poll(() => reviewer.locator('.prd-banner').textContent(), patience)
      .toBe('Changes requested by Rita Reviewer (you)');
    await author.reload();
    await expect
      .poll(() => author.locator('.prd-banner').textContent(), patience)
      .toBe('Changes requested by Rita Reviewer');
    // Lint names its rules, not their ids, and counts the thread instead of repeating it.
    const findings = reviewer.getByRole('region', { name: 'Lint' });
    await findings.getByRole('button', { name: '1 open thread' }).waitFor();
    expect(await findings.textContent()).not.toMatch(/unresolved_comment|missing_section|Unresolved comment/);
    await quote.waitFor();
    await screenshot(reviewer, 'prd-margin');
    await reviewer.emulateMedia({ colorScheme: 'dark' });
    await screenshot(reviewer, 'prd-margin-dark');

    // The author's next revision, then the diff: the title once, split and unified.
    await author.goto(`${prdUrl}/edit`);
    await editor.fill(
      content.replace(sentence, 'Refunds reach the customer within one business day (Mon–Fri).'),
    );
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/\/prds\/[^/]+$/);
    await author.getByRole('link', { name: 'Revisions' }).click();
    const split = author.getByRole('table', { name: 'Changes from revision 2 to revision 3' });
    await split.getByText('(Mon–Fri)').waitFor(patience);
    expect(await split.getByText('# Refunds v2').count()).toBe(2);
    expect(await split.locator('tr', { hasText: '# Refunds v2' }).count()).toBe(1);
    await screenshot(author, 'prd-diff-split');
    await author.getByLabel('Unified').check();
    const unified = author.getByRole('table', { name: 'Changes from revision 2 to revision 3' });
    await unified.locator('tr', { hasText: '(Mon–Fri)' }).waitFor();
    expect(await unified.getByText('# Refunds v2').count()).toBe(1);

    // Export downloads the PRD as Markdown; Import makes a new PRD of the project from Markdown.
    await author.goto(prdUrl);
    const [download] = await Promise.all([
      author.waitForEvent('download'),
      author.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    await author.getByRole('button', { name: 'Import…' }).click();
    await author
      .getByLabel('Or paste Markdown')
      .fill('# Chargebacks\n\n## Problem\n\nDisputes take weeks.\n');
    await author.getByRole('button', { name: 'Import as a new PRD' }).click();
    await author.getByRole('heading', { name: /Chargebacks/, level: 1 }).waitFor(patience);

    const phone = await signedIn(owner, 390);
    await phone.goto(`${prdUrl}/history`);
    await phone.getByRole('heading', { name: 'Revisions', level: 1 }).waitFor();
    expect(await phone.getByLabel('Unified').isChecked()).toBe(true);
    const phoneDiff = phone.getByRole('table', { name: 'Changes from revision 2 to revision 3' });
    await phoneDiff.getByText('(Mon–Fri)').waitFor();
    expect(await phoneDiff.getByText('# Refunds v2').count()).toBe(1);
    await screenshot(phone, 'prd-diff-unified-phone');

    for (const { errors } of pages) expect(errors).toEqual([]);
  }, 240_000);
});
