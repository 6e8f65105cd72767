import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import {
  createHeaders,
  etagOf,
  expectedVersion,
  sendStored,
  versionHeaders,
} from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { toOutput } from '../../../core/resource/service.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  createConsumer,
  deleteConsumer,
  getConsumer,
  listConsumers,
  recordPact,
  updateConsumer,
} from '../consumers.ts';
import {
  consumerCreateSchema,
  consumerParams,
  consumerSchema,
  consumerUpdateSchema,
  contractParams,
  pactSchema,
} from '../contracts.ts';
import { consumerListQuery, consumerResource } from '../resource.ts';

const tags = ['Contract checks'];
const collection = '/projects/:projectId/contracts/:contract/consumers';
const item = `${collection}/:consumerId`;
const readErrors = problemResponses([...commonProblemStatuses, 404]);
const address = (params: z.output<typeof consumerParams>) => ({
  contract: params.contract,
  consumerId: params.consumerId,
});

export const listConsumersRoute = defineRoute({
  method: 'GET',
  url: collection,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_contract_consumers',
    summary: "A contract's consumers",
    params: contractParams,
    querystring: consumerListQuery,
    response: { 200: pageSchema(consumerSchema), ...readErrors },
  },
  handler: ({ scope, params, query }) => listConsumers(scope, params.contract, query),
});

export const createConsumerRoute = defineRoute({
  method: 'POST',
  url: collection,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'create_contract_consumer',
    summary: 'Register a consumer of a contract and what it uses',
    description:
      "`uses.operations` lists the operations it calls (`GET /users/{}`, or a concrete path such as `GET /users/42`); `uses.fields`, per operation, the fields it relies on (`response.200.body.name`). Every later upload names the consumers each ERR and WARN change affects. A name the contract's consumers already have answers 409. Send an Idempotency-Key to make retries safe. Audited.",
    params: contractParams,
    headers: createHeaders,
    body: consumerCreateSchema,
    response: { 201: consumerSchema, ...problemResponses([...commonProblemStatuses, 404, 409]) },
  },
  handler: async ({ scope, params, headers, body, request, reply }) => {
    const answer = await createConsumer(scope, params.contract, body, {
      path: request.url.split('?')[0] ?? '',
      idempotencyKey: headers['idempotency-key'],
    });
    return sendStored(reply, answer);
  },
});

export const getConsumerRoute = defineRoute({
  method: 'GET',
  url: item,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_contract_consumer',
    summary: 'One consumer of a contract',
    params: consumerParams,
    response: { 200: consumerSchema, ...readErrors },
  },
  handler: async ({ scope, params, reply }) => {
    const row = await getConsumer(scope, address(params));
    reply.header('etag', etagOf(row.version));
    return toOutput(consumerResource, row);
  },
});

export const updateConsumerRoute = defineRoute({
  method: 'PATCH',
  url: item,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'update_contract_consumer',
    summary: 'Change a consumer of a contract',
    description:
      'Only the fields sent change. Send If-Match (or version) to refuse overwriting a newer version (412). Audited.',
    params: consumerParams,
    headers: versionHeaders,
    body: consumerUpdateSchema,
    response: { 200: consumerSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 412]) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const expected = expectedVersion(headers['if-match'], body.version);
    const row = await updateConsumer(scope, address(params), body, expected);
    reply.header('etag', etagOf(row.version));
    return toOutput(consumerResource, row);
  },
});

export const deleteConsumerRoute = defineRoute({
  method: 'DELETE',
  url: item,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'delete_contract_consumer',
    summary: 'Remove a consumer of a contract',
    description:
      'Diffs stored before keep naming it. Send If-Match to refuse deleting a newer version (412). Audited.',
    params: consumerParams,
    headers: versionHeaders,
    response: {
      204: z.null().describe('Deleted'),
      ...problemResponses([...commonProblemStatuses, 404, 412]),
    },
  },
  handler: async ({ scope, params, headers, reply }) => {
    await deleteConsumer(scope, address(params), expectedVersion(headers['if-match'], undefined));
    return reply.code(204).send(null);
  },
});

export const pactRoute = defineRoute({
  method: 'POST',
  url: `${item}/pact`,
  permission: planPermissions.contribute,
  schema: {
    tags,
    operationId: 'upload_contract_consumer_pact',
    summary: 'Say what a consumer uses with its Pact file',
    description:
      "Reads a Pact file (specification v2 or v3) and replaces the consumer's `uses` with the operations and fields its interactions exercise; `source` becomes `pact`. Consumer CI jobs may post it (agents hold the permission). 422 when the body is not a Pact file, naming what is wrong. Audited.",
    params: consumerParams,
    body: pactSchema,
    response: { 200: consumerSchema, ...problemResponses([...commonProblemStatuses, 404, 413, 422]) },
  },
  handler: async ({ scope, params, body, reply }) => {
    const row = await recordPact(scope, address(params), body);
    reply.header('etag', etagOf(row.version));
    return toOutput(consumerResource, row);
  },
});

export const consumerRoutes = [
  listConsumersRoute,
  createConsumerRoute,
  getConsumerRoute,
  updateConsumerRoute,
  deleteConsumerRoute,
  pactRoute,
];
