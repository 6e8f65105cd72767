import { sendDownload } from '../../core/http/download.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { defineRoute } from '../../core/http/route.ts';
import { backupContentType } from '../../db/backup-file.ts';
import { backupFileSchema } from './contracts.ts';
import { backupTake } from './permissions.ts';
import { takeBackup } from './service.ts';

export const backupRoute = defineRoute({
  method: 'GET',
  url: '/admin/backup',
  permission: backupTake,
  schema: {
    tags: ['Admin'],
    operationId: 'get_backup',
    summary: 'Download a backup of the embedded database',
    description:
      "A consistent snapshot of the whole embedded (PGlite) database, taken while the server runs, with its SHA-256 in the file's manifest; restore it with `shipshape restore <file>` while the server is stopped. Only an owner of the instance's first workspace may take one (403 `backup.instance_owner_only`). Audited as `instance.backed_up`. On PostgreSQL the answer is 409 `backup.use_pg_dump`: use pg_dump.",
    produces: [backupContentType],
    response: { 200: backupFileSchema, ...problemResponses([...commonProblemStatuses, 409]) },
  },
  handler: async ({ scope, reply }) => {
    const { file, manifest } = await takeBackup(scope);
    const stamp = manifest.createdAt.replace(/[:.]/g, '-');
    return sendDownload(reply, {
      contentType: backupContentType,
      fileName: `shipshape-${stamp}.backup`,
      body: file,
    }).header('x-backup-sha256', manifest.sha256);
  },
});
