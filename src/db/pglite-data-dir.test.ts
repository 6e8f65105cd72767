import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

/** Whether permissions restrict this process at all: as root (or with CAP_DAC_OVERRIDE) they do not. */
function permissionsRestrict(folder: string): boolean {
  const probe = path.join(folder, 'probe');
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return false;
  } catch {
    return true;
  }
}

describe('the embedded database on a folder it cannot write', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) {
      fs.chmodSync(folder, 0o700);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  function readOnlyFolder(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-readonly-'));
    folders.push(folder);
    fs.chmodSync(folder, 0o500);
    return folder;
  }

  it('refuses to start, naming the folder and the cause', async (context) => {
    const folder = readOnlyFolder();
    if (!permissionsRestrict(folder)) {
      context.skip('running as root: a read-only mode does not stop this process from writing');
    }
    await expect(openDatabase({ kind: 'pglite', dataDir: folder })).rejects.toThrow(
      `The data folder ${folder} is not writable: this process may not write there`,
    );
    // Nothing was left behind.
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a data folder to be created inside a read-only one', async (context) => {
    const parent = readOnlyFolder();
    if (!permissionsRestrict(parent)) {
      context.skip('running as root: a read-only mode does not stop this process from writing');
    }
    const folder = path.join(parent, 'data');
    await expect(openDatabase({ kind: 'pglite', dataDir: folder })).rejects.toThrow(
      /The data folder .*\/data is not writable: .*\(EACCES\)/,
    );
  });

  it('refuses a data folder it cannot create, even as root', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-notdir-'));
    folders.push(parent);
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, '');
    const folder = path.join(file, 'data');
    await expect(openDatabase({ kind: 'pglite', dataDir: folder })).rejects.toThrow(
      `The data folder ${folder} is not writable`,
    );
  });
});
