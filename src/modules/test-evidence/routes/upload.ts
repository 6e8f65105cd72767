import { Readable } from 'node:stream';
import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { toOutput } from '../../../core/resource/service.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { testRunSchema, uploadBodySchema, uploadMediaTypes, uploadQuerySchema } from '../contracts.ts';
import { testRunResource } from '../resource.ts';
import { receiveUpload } from '../upload.ts';

/** `application/zip; charset=binary` → `application/zip`. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export const uploadTestRunRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/test-runs',
  permission: planPermissions.contribute,
  streamBodies: uploadMediaTypes,
  schema: {
    tags: ['Test evidence'],
    operationId: 'upload_test_run',
    summary: 'Upload a test run: an Allure results folder (zip, tar.gz, tar) or a JUnit XML report',
    description:
      'The body is the upload itself, streamed: `application/zip` (a zipped Allure results folder), `application/gzip` / `application/x-gzip` (a .tar.gz of it), `application/x-tar`, or `application/xml` / `text/xml` (a JUnit XML report). It is stored and checked as it arrives, then imported by a saga (`test-evidence.import`, listed in /api/v1/sagas): the answer is 202 with the run (`status: queued`) and its `Location`; poll the run until `imported` or `failed` (with `importErrors`, per file). 413 beyond TEST_UPLOAD_LIMIT_BYTES (from Content-Length, else while counting). 422 when the archive is refused as it streams in: a path that escapes the folder, more files than TEST_UPLOAD_FILE_LIMIT, a file over TEST_ATTACHMENT_LIMIT_BYTES, more than TEST_UNPACKED_LIMIT_BYTES unpacked, a file that expands over 200 times (a zip bomb), or a corrupt archive; a refused upload leaves nothing behind. 415 for other media types.',
    params: z.object({ projectId: z.uuid().describe('The project id') }),
    querystring: uploadQuerySchema,
    consumes: uploadMediaTypes,
    body: uploadBodySchema,
    response: {
      202: testRunSchema.describe('The run, queued for import'),
      ...problemResponses([...commonProblemStatuses, 404, 413, 415, 422]),
    },
  },
  handler: async ({ scope, app, query, body, request, reply }) => {
    const declared = Number(request.headers['content-length']);
    const run = await receiveUpload(
      scope,
      {
        body: body instanceof Readable ? body : undefined,
        mediaType: mediaTypeOf(request.headers['content-type']),
        declaredBytes: Number.isFinite(declared) ? declared : undefined,
        query,
      },
      app.settings.testUploadLimits,
      app.sagas,
    );
    // The import's saga started with the queued run; this process drives it at once.
    app.sagas.kick();
    reply
      .code(202)
      .header('etag', etagOf(run.version))
      .header('location', `${request.url.split('?')[0]}/${run.id}`);
    return toOutput(testRunResource, run);
  },
});
