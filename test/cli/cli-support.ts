// Runs the real `shipshape` command as a child process against a test app listening on loopback.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { users } from '../../src/core/auth/schema.ts';
import type { Caller, TestApp } from '../../src/test-support/app.ts';

const cli = path.resolve(import.meta.dirname, '../../bin/shipshape.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  // biome-ignore lint/suspicious/noExplicitAny: tests assert the shape of the output themselves
  json: any;
}

/** Makes the test app listen on 127.0.0.1 (a free port) and answers its URL. */
export async function listen(t: TestApp): Promise<string> {
  return t.app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * `shipshape …args` as the caller (SHIPSHAPE_URL and SHIPSHAPE_TOKEN set). The child runs
 * asynchronously, so the in-process server keeps answering it.
 */
export function runCli(url: string, caller: Caller | null, args: string[], cwd?: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, SHIPSHAPE_URL: url, NO_COLOR: '1' };
  env.SHIPSHAPE_TOKEN = caller?.token;
  if (!caller) delete env.SHIPSHAPE_TOKEN;
  return runShipshape(env, args, cwd);
}

/** `shipshape …args` in a child process with exactly this environment; stdout parsed as JSON when it is. */
export function runShipshape(env: NodeJS.ProcessEnv, args: string[], cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/** The email the test app gave a member. */
export async function emailOf(t: TestApp, caller: Caller): Promise<string> {
  const [user] = await t.database.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId));
  if (!user) throw new Error(`no user ${caller.userId}`);
  return user.email;
}
