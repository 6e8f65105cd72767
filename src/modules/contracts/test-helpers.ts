import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { Caller } from '../../test-support/app.ts';

// Contracts and calls the module's tests share: a Users & Orders API in versions that break in
// known ways, and small helpers that read like what a user does.

type Operation = Record<string, unknown>;

const user = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
};

function ok(description: string, schema?: object): Operation {
  return schema ? { description, content: { 'application/json': { schema } } } : { description };
}

/** Version 1: users and orders. */
export function ordersApi(version = '1.0.0'): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Orders API', version },
    paths: {
      '/users/{id}': {
        get: {
          operationId: 'getUser',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': ok('the user', user) },
        },
      },
      '/orders': {
        get: {
          operationId: 'listOrders',
          responses: { '200': ok('orders', { type: 'array', items: { type: 'object' } }) },
        },
        post: { operationId: 'createOrder', responses: { '201': ok('created') } },
      },
    },
  };
}

/**
 * Version 2: `GET /orders` removed without a deprecation (a breaking change), `GET /invoices`
 * added, and `POST /orders` deprecated with a sunset.
 */
export function ordersApiBroken(sunset = '2031-01-31'): Record<string, unknown> {
  const api = ordersApi('2.0.0');
  const paths = api.paths as Record<string, Record<string, Operation>>;
  paths['/orders'] = {
    post: {
      operationId: 'createOrder',
      deprecated: true,
      'x-sunset': sunset,
      responses: { '201': ok('created') },
    },
  };
  paths['/invoices'] = { get: { operationId: 'listInvoices', responses: { '200': ok('invoices') } } };
  return api;
}

/** Version 2 without any change a client notices: only a description differs. */
export function ordersApiCompatible(): Record<string, unknown> {
  const api = ordersApi('1.1.0');
  const info = api.info as Record<string, unknown>;
  info.description = 'Now with a description.';
  return api;
}

export const asYaml = (document: object) => stringify(document);
export const asJson = (document: object) => JSON.stringify(document, null, 2);

let sequence = 0;

/** A new project with one OpenAPI contract of the plan, named as given. */
export async function projectWithContract(
  caller: Caller,
  contract: { name?: string; kind?: string } = {},
): Promise<{ projectId: string; contractId: string }> {
  sequence += 1;
  const project = await caller.post('/api/v1/projects', {
    name: `Contracts ${sequence}`,
    key: `CON${sequence}`,
  });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  const created = await caller.post(plan(project.body.id, 'api-contracts'), {
    name: contract.name ?? 'payments',
    kind: contract.kind ?? 'openapi',
    currentVersion: '0.0.0',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { projectId: project.body.id, contractId: created.body.id };
}

/** A table of the plan's breaking change management area. */
export const plan = (projectId: string, table: string) =>
  `/api/v1/projects/${projectId}/plan/breaking-change-management/${table}`;

/** A path under a contract: `contracts(projectId, 'payments', 'versions')`. */
export const contracts = (projectId: string, contract: string, rest = '') =>
  `/api/v1/projects/${projectId}/contracts/${contract}${rest ? `/${rest}` : ''}`;

/** Uploads a version as JSON with the document inside. */
export function upload(
  caller: Caller,
  projectId: string,
  version: string,
  document: object | string,
  options: { contract?: string; filename?: string } = {},
) {
  const content = typeof document === 'string' ? document : asYaml(document);
  return caller.post(contracts(projectId, options.contract ?? 'payments', 'versions'), {
    version,
    content,
    ...(options.filename ? { filename: options.filename } : {}),
  });
}

/**
 * A project whose contract `payments` has version 1.0.0 of the orders API, and two consumers: the
 * mobile app lists orders and reads users, the web shop only reads users.
 */
export async function projectWithFirstVersion(caller: Caller) {
  const { projectId, contractId } = await projectWithContract(caller);
  const mobile = await caller.post(contracts(projectId, 'payments', 'consumers'), {
    name: 'mobile app',
    contact: 'mobile@example.test',
    uses: { operations: ['GET /orders', 'GET /users/42'] },
  });
  expect(mobile.status, JSON.stringify(mobile.body)).toBe(201);
  const web = await caller.post(contracts(projectId, 'payments', 'consumers'), {
    name: 'web shop',
    uses: { operations: ['GET /users/{}'] },
  });
  expect(web.status, JSON.stringify(web.body)).toBe(201);
  const first = await upload(caller, projectId, '1.0.0', ordersApi());
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  return { projectId, contractId, first: first.body, mobileId: mobile.body.id, webId: web.body.id };
}
