import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { createHeaders, listQuerySchema, sendStored } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  findingSetParams,
  sarifBodySchema,
  sarifMediaTypes,
  sarifUploadQuerySchema,
  uploadAnswerSchema,
} from '../contracts.ts';
import { reviewFindingResource } from '../resource.ts';
import { findingsOfSet } from '../sets.ts';
import { receiveSarif } from '../upload.ts';

const tags = ['Findings'];

export const uploadSarifRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/findings/sarif',
  permission: planPermissions.contribute,
  bodyLimit: (settings) => settings.sarifUploadLimitBytes,
  rawBodies: sarifMediaTypes,
  schema: {
    tags,
    operationId: 'upload_sarif',
    summary: "Upload an analyser's SARIF 2.1.0 log: its results become the plan's review findings",
    description:
      "The body is the SARIF log itself (`application/sarif+json` or `application/json`), at most SARIF_UPLOAD_LIMIT_BYTES (25 MiB by default; 413 above). Each run becomes a finding set; each result a review finding of the plan (`…/plan/code-review-automation/review-findings`), identified by its fingerprint (the tool's partialFingerprints or fingerprints, else a hash of rule, file and code — never the line) within its stream (`automationDetails.id`, else the tool's name). A finding reported again is the same row (`seenAgain`; a fixed one reopens); the stream's open findings the upload no longer reports become `fixed` (with an auto-fix history row when the tool had offered a fix); suppressed results are counted, not opened. Severity: error → major, warning → minor, note/none → info, raised by `security-severity` (≥ 9 critical, ≥ 7 major). Disposition `blocks` when a checklist lists the rule in blockingRules or a blocking quality gate's blockingSeverity is reached, else `warns`. 422 with `errors[{path, message}]` (paths in the log, e.g. `runs.0.results.3.level`) when the body is not a SARIF 2.1.0 log; nothing is written then. Send an Idempotency-Key to make retries safe.",
    params: z.object({ projectId: z.uuid().describe('The project id') }),
    querystring: sarifUploadQuerySchema,
    headers: createHeaders,
    consumes: sarifMediaTypes,
    body: sarifBodySchema,
    response: {
      201: uploadAnswerSchema,
      ...problemResponses([...commonProblemStatuses, 404, 413, 415, 422]),
    },
  },
  handler: async ({ scope, query, headers, body, request, reply }) => {
    const answer = await receiveSarif(scope, {
      body,
      query,
      idempotencyKey: headers['idempotency-key'],
      path: request.url.split('?')[0] ?? '',
    });
    return sendStored(reply, answer);
  },
});

export const findingsOfSetRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/finding-sets/:id/findings',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_finding_set_findings',
    summary: 'The review findings a finding set reported',
    description:
      "Those it opened or saw again (not those it closed), as the plan's review-findings rows, with the same filters and sorts; their status is today's.",
    params: findingSetParams,
    querystring: listQuerySchema(reviewFindingResource),
    response: {
      200: pageSchema(reviewFindingResource.schemas.output),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: ({ scope, params, query }) => findingsOfSet(scope, params.id, query),
});

export const findingsRoutes = [uploadSarifRoute, findingsOfSetRoute];
