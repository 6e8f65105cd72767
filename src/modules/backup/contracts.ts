import { z } from 'zod';

/** The answer of GET /admin/backup: a backup file (header, JSON manifest, gzipped tarball). */
export const backupFileSchema = z
  .string()
  .describe(
    'A Shipshape backup file: a `SHIPSHAPE-BACKUP 1` line, a JSON manifest line (format, kind, sha256, bytes, createdAt), then the data directory as a gzipped tarball. `shipshape restore` checks the SHA-256 before touching anything.',
  );
