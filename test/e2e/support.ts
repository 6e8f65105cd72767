// Support for the browser suite: a real `shipshape serve` on a fresh embedded database, and Debian's
// chromium driven by playwright-core (never a downloaded browser).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { buildWeb } from '../../scripts/build-web.ts';
import { shipshapeCli, startServerProcess } from '../../src/test-support/server-process.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);
/**
 * Screenshots go to test-results/ui (ignored by git) unless SHIPSHAPE_UI_SCREENSHOTS names another
 * folder: `npm run web:screenshots` refreshes the ones docs/ui.md shows.
 */
export const screenshotDir = path.resolve(
  import.meta.dirname,
  '../..',
  process.env.SHIPSHAPE_UI_SCREENSHOTS ?? 'test-results/ui',
);

export interface Server {
  url: string;
  adminToken: string;
  output: string[];
  stop(): Promise<void>;
}

/** Builds the UI if its sources changed, then starts the server as a user would, on a fresh data folder. */
export async function startServer(admin: { email: string; password: string }): Promise<Server> {
  await buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-'));
  const adminToken = `shp_e2e_${Date.now()}_admin_token_0001`;
  const { child, url, output, exited } = await startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    SHIPSHAPE_ADMIN_EMAIL: admin.email,
    SHIPSHAPE_ADMIN_PASSWORD: admin.password,
    SHIPSHAPE_ADMIN_TOKEN: adminToken,
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
  });
  return {
    url,
    adminToken,
    output,
    async stop() {
      child.kill('SIGINT');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Collects what would show in a developer's console as an error: uncaught exceptions,
 * console.error calls and anything the Content-Security-Policy refused (the browser's own
 * "Refused to …" lines, and every `securitypolicyviolation` event, reported through the console by
 * a listener added before any of the page's scripts run). The browser's own "Failed to load
 * resource" lines for answers the test provokes on purpose (a 400 for a bad key) are network
 * logging, not application errors. Call it before the page's first navigation.
 */
export async function watchConsole(page: Page): Promise<string[]> {
  const errors: string[] = [];
  // Added by the browser's debugging protocol, so the policy does not apply to this script itself.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
      ' at ' + event.sourceFile + ':' + event.lineNumber);
  });`);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return errors;
}

/** Calls the API with the admin token (for set-up the flow does not need to show, such as invitations). */
export async function api<T>(server: Server, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${server.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Selects a sentence inside the rendered document, as a reader dragging the mouse over it would. */
export async function selectText(page: Page, container: string, sentence: string): Promise<void> {
  // Runs in the page; written as text because this file is compiled without the DOM's types.
  await page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(container)});
    const sentence = ${JSON.stringify(sentence)};
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = node.textContent.indexOf(sentence);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + sentence.length);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error('the sentence is not in the document');
  })()`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Seeds the demo project as a user would (`shipshape demo seed`), answering its id. */
export async function seedDemo(server: Server): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    shipshapeCli,
    'demo',
    'seed',
    '--url',
    server.url,
    '--token',
    server.adminToken,
    '--json',
  ]);
  return (JSON.parse(stdout) as { projectId: string }).projectId;
}

export interface Person {
  email: string;
  password: string;
}

export interface SignedIn {
  page: Page;
  /** What the page logged as an error; a test expects none. */
  errors: string[];
}

export interface BrowserSession {
  /** A new page at `width` px, signed in as `person` and on the home page. */
  signIn(person: Person, width?: number): Promise<SignedIn>;
  /** Saves every open page under test-results/e2e-<name>-failure-<n>.png if the running test fails. */
  saveFailures(): void;
  close(): Promise<void>;
}

/** The browser of one test file, on `server`: signed-in pages, saved when a test fails, closed together. */
export async function openBrowser(server: Server, name: string): Promise<BrowserSession> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    async signIn(person, width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const errors = await watchConsole(page);
      await page.goto(server.url);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      return { page, errors };
    },
    saveFailures() {
      onTestFailed(async () => {
        const pages = contexts.flatMap((context) => context.pages());
        for (const [index, page] of pages.entries()) {
          await page.screenshot({ path: `test-results/e2e-${name}-failure-${index}.png` }).catch(() => {});
        }
      });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}
