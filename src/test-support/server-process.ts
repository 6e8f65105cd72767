// `shipshape serve` in a process of its own, as a user runs it: for the suites that stop, kill or
// restart the server (lifecycle, crash safety) and for the browser suite.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { DatabaseConfig } from '../db/connection.ts';
import { createTestDatabase, testDatabaseKind } from './database.ts';

/** The `shipshape` command as a user runs it. */
export const shipshapeCli = path.resolve(import.meta.dirname, '../../bin/shipshape.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr, line by line. */
  output: string[];
  exited: Promise<number | null>;
}

/**
 * Starts `shipshape serve` on a free loopback port with the given settings over the caller's
 * environment, and resolves once it prints the address it listens on (rejects if it exits first).
 */
export async function startServerProcess(
  settings: Record<string, string | undefined>,
): Promise<ServerProcess> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...settings,
  };
  // The test runner's own database choice is not the server's.
  environment.SHIPSHAPE_TEST_DATABASE = undefined;
  const child = spawn(process.execPath, [shipshapeCli, 'serve'], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    if (child.stdout)
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        const listening = /listening on (http:\/\/\S+)/.exec(line);
        if (listening?.[1]) resolve(listening[1]);
      });
    exited.then((code) => reject(new Error(`serve exited with ${code}:\n${output.join('\n')}`)));
  });
  return { child, url, output, exited };
}

export interface ServerDatabase {
  /** DATABASE_URL or DATA_DIR, for `startServerProcess`. */
  settings: Record<string, string | undefined>;
  /** The same database, for a test to open itself while no server holds it. */
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

/**
 * An empty database for a server process, of the kind the suite runs on: a fresh PostgreSQL
 * database (emptied, so the server migrates it itself) or an embedded one in a new folder.
 */
export async function serverDatabase(name: string): Promise<ServerDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const scratch = await createTestDatabase();
    await scratch.handle.exec(
      'drop schema public cascade; create schema public; drop schema if exists drizzle cascade; drop schema if exists plan cascade; drop schema if exists pgboss cascade;',
    );
    const url = scratch.url ?? '';
    return {
      settings: { DATABASE_URL: url },
      config: { kind: 'postgres', url, poolSize: 1 },
      dispose: () => scratch.drop(),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-${name}-`));
  return {
    settings: { DATA_DIR: dataDir, DATABASE_URL: undefined },
    config: { kind: 'pglite', dataDir },
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
