import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ByteBudget } from './byte-budget.ts';
import { gunzipWithin } from './gunzip.ts';
import { archiveFormat, loadContract } from './index.ts';
import {
  bombSize,
  gzipBomb,
  loadError,
  multiFileContract,
  tarArchive,
  zipArchive,
  zipBomb,
} from './test-helpers.ts';
import { unzipFiles } from './unzip.ts';

const archive = (name: string, bytes: Uint8Array, entry?: string) =>
  loadContract({ kind: 'archive', name, bytes, ...(entry ? { entry } : {}) });

/** The multi-file contract inside a top folder, as release archives usually hold it. */
const wrapped = Object.fromEntries(
  Object.entries(multiFileContract).map(([path, text]) => [`teams-v1/${path}`, text]),
);

describe('a contract in an archive', () => {
  it('is unpacked from a zip, its entry found and its files bundled', async () => {
    const loaded = await archive('teams.zip', zipArchive(wrapped));
    expect(loaded).toMatchObject({ kind: 'openapi', title: 'Teams' });
    expect(loaded.files).toEqual([
      'teams-v1/api/openapi.yaml',
      'teams-v1/api/parameters.yaml',
      'teams-v1/api/schemas/user.yaml',
      'teams-v1/api/schemas/team.yaml',
    ]);
  });

  it('reads the same contract from a zip, a tar, a tar.gz and a file map', async () => {
    const tar = tarArchive([
      { name: 'teams-v1/', type: '5' },
      ...Object.entries(wrapped).map(([name, content]) => ({ name, content })),
      // Links are never followed: only regular files' own bytes are read.
      { name: 'teams-v1/api/passwd.yaml', type: '2', linkName: '/etc/passwd' },
    ]);
    const hashes = await Promise.all([
      archive('teams.zip', zipArchive(wrapped)).then((loaded) => loaded.hash),
      archive('teams.tar', tar).then((loaded) => loaded.hash),
      archive('teams.tar.gz', gzipSync(tar)).then((loaded) => loaded.hash),
      loadContract({ kind: 'files', files: multiFileContract, entry: 'api/openapi.yaml' }).then(
        (loaded) => loaded.hash,
      ),
    ]);
    expect(new Set(hashes).size).toBe(1);
  });

  it('is told apart by its first bytes, not its name', async () => {
    expect(archiveFormat(zipArchive(wrapped))).toBe('zip');
    expect(archiveFormat(tarArchive([{ name: 'a.yaml', content: 'a: 1' }]))).toBe('tar');
    expect(archiveFormat(gzipSync(strToU8('a: 1')))).toBe('gzip');
    const loaded = await archive(
      'upload.bin',
      gzipSync(tarArchive(Object.entries(wrapped).map(([name, content]) => ({ name, content })))),
    );
    expect(loaded.kind).toBe('openapi');
  });

  it('may be one gzipped document, read as the file it was before gzip', async () => {
    const document = 'openapi: 3.0.3\ninfo: { title: Lone, version: "1" }\npaths: {}\n';
    const loaded = await archive('downloads/openapi.yaml.gz', gzipSync(strToU8(document)));
    expect(loaded).toMatchObject({ kind: 'openapi', title: 'Lone', files: ['openapi.yaml'] });
  });

  it('ignores folders and the __MACOSX resource forks macOS adds', async () => {
    const zip = zipArchive({
      ...wrapped,
      'teams-v1/': '',
      '__MACOSX/teams-v1/api/._openapi.yaml': '\u0000\u0005junk',
    });
    const loaded = await archive('teams.zip', zip);
    expect(loaded.files).not.toContainEqual(expect.stringContaining('__MACOSX'));
  });

  it('holding a GraphQL schema gives that schema', async () => {
    const zip = zipArchive({ 'schema/schema.graphql': 'type Query { me: String }', 'README.md': '# API' });
    expect(await archive('schema.zip', zip)).toMatchObject({
      kind: 'graphql',
      files: ['schema/schema.graphql'],
    });
  });
});

describe('archives that are refused', () => {
  it('an entry whose name climbs out of the archive, in a zip and in a tar', async () => {
    const zip = await loadError(() =>
      archive('evil.zip', zipArchive({ ...multiFileContract, '../../evil.yaml': 'a: 1' })),
    );
    expect(zip).toMatchObject({ code: 'path-traversal', file: '../../evil.yaml' });
    const tar = await loadError(() =>
      archive('evil.tar', tarArchive([{ name: 'api/../../evil.yaml', content: 'a: 1' }])),
    );
    expect(tar.code).toBe('path-traversal');
  });

  it('an entry with an absolute path', async () => {
    const error = await loadError(() =>
      archive('evil.tar.gz', gzipSync(tarArchive([{ name: '/etc/openapi.yaml', content: 'a: 1' }]))),
    );
    expect(error.code).toBe('path-traversal');
  });

  it('a zip bomb that declares its size, before inflating anything', async () => {
    const bomb = zipBomb(true);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const inflated = inflatedBy((budget) => unzipFiles(bomb, budget, 'bomb.zip'));
    expect(inflated.error).toMatchObject({ code: 'too-large', file: 'openapi.yaml' });
    expect(inflated.bytes).toBe(0);
    const error = await loadError(() => archive('bomb.zip', bomb));
    expect(error).toMatchObject({ code: 'too-large', file: 'openapi.yaml' });
    expect(error.message).toBe('bomb.zip unpacks to more than 20.0 MiB (the limit), at openapi.yaml');
  });

  it('a zip bomb that declares no size, stopped soon after the limit rather than inflated whole', async () => {
    const inflated = inflatedBy((budget) => unzipFiles(zipBomb(false), budget, 'bomb.zip'));
    expect(inflated.error).toMatchObject({ code: 'too-large' });
    expectStoppedSoonAfterTheLimit(inflated.bytes);
    expect((await loadError(() => archive('bomb.zip', zipBomb(false)))).code).toBe('too-large');
  });

  it('a gzip bomb, whether its trailer states its size or lies about it', async () => {
    expect(inflatedBy((budget) => gunzipWithin(gzipBomb(bombSize), budget, 'bomb.tar.gz'))).toMatchObject({
      bytes: 0,
      error: { code: 'too-large' },
    });
    const lying = inflatedBy((budget) => gunzipWithin(gzipBomb(0), budget, 'bomb.tar.gz'));
    expect(lying.error).toMatchObject({ code: 'too-large' });
    expectStoppedSoonAfterTheLimit(lying.bytes);
    expect((await loadError(() => archive('bomb.tar.gz', gzipBomb(0)))).code).toBe('too-large');
  });

  it('an archive over the limit before unpacking', async () => {
    const error = await loadError(() =>
      loadContract({ kind: 'archive', name: 'teams.zip', bytes: zipArchive(wrapped) }, { maxBytes: 200 }),
    );
    expect(error.code).toBe('too-large');
  });

  it('what is not an archive, and an archive that is damaged', async () => {
    const text = await loadError(() => archive('notes.zip', strToU8('openapi: 3.1.0')));
    expect(text).toMatchObject({ code: 'archive-error' });
    const zip = zipArchive(wrapped);
    const truncated = await loadError(() => archive('teams.zip', zip.subarray(0, zip.length / 2)));
    expect(truncated.code).toBe('archive-error');
    const tar = tarArchive([{ name: 'openapi.yaml', content: 'openapi: 3.1.0' }]);
    tar[10] = 0x41; // The header no longer matches its checksum.
    expect((await loadError(() => archive('teams.tar', tar))).code).toBe('archive-error');
  });
});

const limit = 20 * 1024 * 1024;

/** Runs an unpacking with a 20 MiB budget that counts the bytes it is told were inflated. */
function inflatedBy(unpack: (budget: ByteBudget) => unknown): { bytes: number; error: unknown } {
  let bytes = 0;
  const counting = new (class extends ByteBudget {
    override spend(count: number, file: string) {
      bytes += count;
      super.spend(count, file);
    }
  })(limit, 'bomb');
  try {
    unpack(counting);
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: undefined };
}

/** Deflate grows at most about 1,000-fold per 8 KiB pushed: the overshoot past the limit is bounded. */
function expectStoppedSoonAfterTheLimit(bytes: number) {
  expect(bytes).toBeGreaterThan(limit);
  expect(bytes).toBeLessThan(limit + 9 * 1024 * 1024);
}
