import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { readAttachment, servedAs } from '../attachments.ts';
import { attachmentParams } from '../contracts.ts';

export const getTestAttachmentRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/test-runs/:runId/attachments/:sha256',
  permission: planPermissions.read,
  schema: {
    tags: ['Test evidence'],
    operationId: 'get_test_attachment',
    summary: "An attachment of a test run's results (a screenshot, a log), by the sha256 of its bytes",
    description:
      "Only an attachment the run has. Images, video and audio are served as they are; text, JSON and anything a browser could run (HTML, SVG, XML, scripts) as `text/plain; charset=utf-8`; everything else as `application/octet-stream` with `Content-Disposition: attachment`. Always `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox; default-src 'none'`.",
    params: attachmentParams,
    produces: ['application/octet-stream'],
    response: {
      200: z.any().describe('The bytes'),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: async ({ scope, params, reply }) => {
    const { mediaType, content } = await readAttachment(scope, params.runId, params.sha256);
    const served = servedAs(mediaType, params.sha256);
    return reply
      .header('content-type', served.contentType)
      .header('content-disposition', served.disposition)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .send(content);
  },
});
