import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  contractParams,
  contractVersionSchema,
  type FindingLevel,
  findingLevels,
  migrationGuideSchema,
  rawUploadSchema,
  rawUploadTypes,
  reviewRequestSchema,
  uploadAnswerSchema,
  uploadJsonSchema,
  uploadQuerySchema,
  versionDiffSchema,
  versionParams,
} from '../contracts.ts';
import { reviewPermission, versionListQuery } from '../resource.ts';
import { reviewVersion } from '../review.ts';
import { uploadVersion } from '../upload.ts';
import { mediaTypeOf } from '../upload-body.ts';
import { diffBetween, getVersion, listVersions, migrationGuideOf, storedDiffOf } from '../versions.ts';

const tags = ['Contract checks'];
const contractPath = '/projects/:projectId/contracts/:contract';
const versionPath = `${contractPath}/versions/:versionId`;
const readErrors = problemResponses([...commonProblemStatuses, 404]);
const levelList = z
  .string()
  .regex(/^(ERR|WARN|INFO)(,(ERR|WARN|INFO))*$/, 'levels such as ERR,WARN')
  .transform((value) =>
    value.split(',').filter((level): level is FindingLevel => findingLevels.some((known) => known === level)),
  );

export const uploadVersionRoute = defineRoute({
  method: 'POST',
  url: `${contractPath}/versions`,
  permission: planPermissions.contribute,
  // Room for the largest contract once escaped as a JSON string; the limit itself is checked on the document.
  bodyLimit: (settings) => 2 * settings.contractUploadLimitBytes + 1024 * 1024,
  rawBodies: rawUploadTypes,
  schema: {
    tags,
    operationId: 'upload_contract_version',
    summary: 'Upload a version of an API contract, diffed against the previous one',
    description:
      "Either JSON `{ version, commit?, content, filename? }` with the document as text, or the document itself as the body (`application/yaml`, `application/graphql`, `application/json` with `?version=`) or a bundle of its files (`application/zip`, `application/gzip` for .tar.gz, `application/x-tar`; `?entry=` names the entry file) with `?version=&commit=`. OpenAPI 3.0/3.1 (Swagger 2.0 is converted) or GraphQL SDL, matching the contract's kind (422 otherwise). Relative `$ref`s are bundled; remote ones are refused. The document is diffed against the contract's latest version with the project's contract settings, each ERR and WARN change naming the registered consumers it affects, and stored with its diff; ERR changes are recorded in the plan as proposed breaking changes (one per operation) with a migration guide and their affected consumers, new deprecations with a sunset as deprecation schedules, and the contract's currentVersion becomes this label. 201 with the version, the diff and the verdict (by the project's failOn). The same document as the latest version answers 200 with `unchanged: true` and stores nothing; a label the contract already has answers 409. A contract over CONTRACT_UPLOAD_LIMIT_BYTES (20 MiB by default, archives counted unpacked) answers 413; one that does not load answers 422 with the loader's message and, where known, `file`, `line`, `column` and `pointer`.",
    params: contractParams,
    querystring: uploadQuerySchema,
    consumes: rawUploadTypes,
    // The raw bytes first: a Buffer is an object too, and the JSON form would list its every byte as unknown keys.
    body: z.union([rawUploadSchema, uploadJsonSchema]),
    response: {
      200: uploadAnswerSchema.describe('The same document as the latest version: nothing stored'),
      201: uploadAnswerSchema,
      ...problemResponses([...commonProblemStatuses, 404, 409, 413, 415, 422]),
    },
  },
  handler: async ({ scope, app, params, query, body, request, reply }) => {
    const { status, answer } = await uploadVersion(
      scope,
      params.contract,
      { body, mediaType: mediaTypeOf(request.headers['content-type']), query },
      app.settings.contractUploadLimitBytes,
    );
    reply.code(status).header('etag', etagOf(answer.version.version));
    if (status === 201) reply.header('location', `${request.url.split('?')[0]}/${answer.version.id}`);
    return answer;
  },
});

export const listVersionsRoute = defineRoute({
  method: 'GET',
  url: `${contractPath}/versions`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_contract_versions',
    summary: "A contract's versions, newest first",
    description: 'Without their documents and diffs (GET one version, or its diff, for those).',
    params: contractParams,
    querystring: versionListQuery,
    response: { 200: pageSchema(contractVersionSchema), ...readErrors },
  },
  handler: ({ scope, params, query }) => listVersions(scope, params.contract, query),
});

export const getVersionRoute = defineRoute({
  method: 'GET',
  url: versionPath,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_contract_version',
    summary: 'One version of a contract, by id or label',
    params: versionParams,
    querystring: z.strictObject({
      include: z.enum(['document']).optional().describe('`document`: add the bundled document'),
    }),
    response: { 200: contractVersionSchema, ...readErrors },
  },
  handler: async ({ scope, params, query, reply }) => {
    const address = { contract: params.contract, version: params.versionId };
    const version = await getVersion(scope, address, query.include === 'document');
    reply.header('etag', etagOf(version.version));
    return version;
  },
});

export const versionDiffRoute = defineRoute({
  method: 'GET',
  url: `${versionPath}/diff`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_contract_version_diff',
    summary: 'The stored diff of a version against the one before it',
    description:
      "As computed at upload, with the consumers each change affected then. `filter[level]=ERR,WARN` keeps the findings of those levels (the summary still counts all). 404 for a contract's first version.",
    params: versionParams,
    querystring: z.strictObject({ 'filter[level]': levelList.optional() }),
    response: { 200: versionDiffSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) =>
    storedDiffOf(scope, { contract: params.contract, version: params.versionId }, query['filter[level]']),
});

export const diffVersionsRoute = defineRoute({
  method: 'GET',
  url: `${contractPath}/diffs`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'diff_contract_versions',
    summary: 'Any two versions of a contract compared, now',
    description:
      "Computed on request with the project's current settings and consumers, and not stored. `from` and `to` are version ids or labels.",
    params: contractParams,
    querystring: z.strictObject({
      from: z.string().min(1).max(100).describe('The older version: id or label'),
      to: z.string().min(1).max(100).describe('The newer version: id or label'),
    }),
    response: { 200: versionDiffSchema, ...readErrors, ...problemResponses([422]) },
  },
  handler: ({ scope, params, query }) => diffBetween(scope, params.contract, query),
});

export const reviewVersionRoute = defineRoute({
  method: 'POST',
  url: `${versionPath}/review`,
  permission: reviewPermission,
  schema: {
    tags,
    operationId: 'review_contract_version',
    summary: 'Accept or reject the breaking changes of a version',
    description:
      "Only versions with ERR changes wait for a review; reviewing another, or one reviewed already, answers 409. Accepting approves the version's proposed breaking changes in the plan; rejecting rejects them. Needs the review permission (owners, admins, reviewers). Audited, with the note as the reason.",
    params: versionParams,
    body: reviewRequestSchema,
    response: { 200: contractVersionSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 412]) },
  },
  handler: ({ scope, params, body }) =>
    reviewVersion(scope, { contract: params.contract, version: params.versionId }, body),
});

export const migrationGuideRoute = defineRoute({
  method: 'GET',
  url: `${versionPath}/migration-guide`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_contract_migration_guide',
    summary: 'How clients move from the previous version to this one',
    description:
      'Markdown with `Accept: text/markdown`; otherwise JSON with the Markdown inside. Changes that break clients first, each with why it breaks, before and after, and what to do. 404 for a first version.',
    params: versionParams,
    produces: ['application/json', 'text/markdown'],
    response: {
      200: {
        description: 'The guide',
        content: {
          'application/json': { schema: migrationGuideSchema },
          'text/markdown': { schema: z.string() },
        },
      },
      ...readErrors,
    },
  },
  handler: async ({ scope, params, request, reply }) => {
    const guide = await migrationGuideOf(scope, { contract: params.contract, version: params.versionId });
    if (!/text\/markdown/.test(request.headers.accept ?? ''))
      return reply.type('application/json').send(guide);
    // Sent as it is: the Markdown is already the answer.
    return reply
      .type('text/markdown; charset=utf-8')
      .serializer((body: string) => body)
      .send(guide.markdown);
  },
});

export const versionRoutes = [
  uploadVersionRoute,
  listVersionsRoute,
  getVersionRoute,
  versionDiffRoute,
  diffVersionsRoute,
  reviewVersionRoute,
  migrationGuideRoute,
];
