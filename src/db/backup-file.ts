import { createHash } from 'node:crypto';

/**
 * A Shipshape backup file: one header line naming the format, one line of JSON manifest (format
 * version, SHA-256 and length of the payload, when and from what it was taken), then the payload —
 * the embedded database's data directory as PGlite's `dumpDataDir` writes it (a gzipped tarball).
 * Restore reads the manifest and checks the payload against it before touching anything.
 */
export const backupMagic = 'SHIPSHAPE-BACKUP';
export const backupFormatVersion = 1;
export const backupContentType = 'application/vnd.shipshape.backup';

export interface BackupManifest {
  format: number;
  /** What the payload is: the embedded database's data directory, gzipped tar. */
  kind: 'pglite-datadir';
  sha256: string;
  bytes: number;
  createdAt: string;
}

/** A backup file that is not one, or whose payload does not match its manifest. */
export class BackupFileError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Wraps a dumped data directory into a backup file. */
export function encodeBackup(payload: Uint8Array, createdAt: Date = new Date()): Buffer {
  const manifest: BackupManifest = {
    format: backupFormatVersion,
    kind: 'pglite-datadir',
    sha256: sha256(payload),
    bytes: payload.byteLength,
    createdAt: createdAt.toISOString(),
  };
  return Buffer.concat([
    Buffer.from(`${backupMagic} ${backupFormatVersion}\n${JSON.stringify(manifest)}\n`, 'utf8'),
    payload,
  ]);
}

/** Reads a backup file and checks its payload against the manifest; throws BackupFileError if it does not hold. */
export function decodeBackup(file: Uint8Array): { manifest: BackupManifest; payload: Buffer } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const firstEnd = bytes.indexOf(0x0a);
  const secondEnd = firstEnd < 0 ? -1 : bytes.indexOf(0x0a, firstEnd + 1);
  if (firstEnd < 0 || secondEnd < 0 || secondEnd > 4096) {
    throw new BackupFileError('not a Shipshape backup file (no header)');
  }
  const [magic, version] = bytes.subarray(0, firstEnd).toString('utf8').split(' ');
  if (magic !== backupMagic) throw new BackupFileError('not a Shipshape backup file (wrong header)');
  if (Number(version) !== backupFormatVersion) {
    throw new BackupFileError(
      `backup format ${version} is not supported (this version reads ${backupFormatVersion})`,
    );
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(bytes.subarray(firstEnd + 1, secondEnd).toString('utf8'));
  } catch {
    throw new BackupFileError('the backup manifest is not valid JSON');
  }
  if (manifest.format !== backupFormatVersion || manifest.kind !== 'pglite-datadir') {
    throw new BackupFileError('the backup manifest names an unknown format');
  }
  const payload = bytes.subarray(secondEnd + 1);
  if (payload.byteLength !== manifest.bytes) {
    throw new BackupFileError(
      `the backup is truncated or padded: ${payload.byteLength} byte(s), the manifest says ${manifest.bytes}`,
    );
  }
  const actual = sha256(payload);
  if (actual !== manifest.sha256) {
    throw new BackupFileError(
      `checksum mismatch: the manifest says sha256 ${manifest.sha256}, the payload has ${actual}`,
    );
  }
  return { manifest, payload };
}
