import { httpMethods, isObject } from '../document.ts';
import type { DocumentRule, Json, JsonObject, ReportDetail, RuleContext } from '../types.ts';
import { api, withOperation } from './examples.ts';

/**
 * Parts of the document outside its paths: reusable schemas, and webhooks (OpenAPI 3.1), the
 * requests the API sends to its clients. Schemas are judged where operations use them; a schema
 * removed from components is listed for clients generated from the whole document.
 */

function keysOf(node: Json | undefined): string[] {
  return isObject(node) ? Object.keys(node) : [];
}

function schemasOf(document: JsonObject): string[] {
  return keysOf(isObject(document.components) ? document.components.schemas : undefined);
}

/** The operations of a document's webhooks, as `orderShipped POST`. */
function webhookOperations(side: 'base' | 'revision', context: RuleContext): Set<string> {
  const operations = new Set<string>();
  const webhooks = context.documents[side].webhooks;
  if (!isObject(webhooks)) return operations;
  for (const [name, raw] of Object.entries(webhooks)) {
    const item = context.resolve(side, raw);
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      if (isObject(item[method])) operations.add(`${name} ${method.toUpperCase()}`);
    }
  }
  return operations;
}

function webhooksMissing(from: 'base' | 'revision', context: RuleContext): string[] {
  const other = webhookOperations(from === 'base' ? 'revision' : 'base', context);
  return [...webhookOperations(from, context)].filter((key) => !other.has(key));
}

const order = { type: 'object', properties: { id: { type: 'string' } } };
const withSchemas = (schemas: JsonObject) => withOperation('get', '/orders', {}, { components: { schemas } });
const shipped = {
  post: {
    requestBody: { content: { 'application/json': { schema: order } } },
    responses: { '200': { description: 'Received' } },
  },
};
const withWebhooks = (webhooks: JsonObject) => api({}, { webhooks });

export const componentRules: DocumentRule[] = [
  {
    id: 'api-schema-removed',
    level: 'INFO',
    section: 'operations',
    scope: 'document',
    title: 'A schema was removed from components',
    why: 'Operations that used it are judged on their own. Clients generated from the whole document lose the type: code that names it stops compiling when they regenerate.',
    examples: {
      triggers: {
        base: withSchemas({ Order: order, Legacy: order }),
        revision: withSchemas({ Order: order }),
      },
      nearMiss: {
        base: withSchemas({ Order: order }),
        revision: withSchemas({ Order: order, Legacy: order }),
      },
    },
    check: (documents) => {
      const kept = new Set(schemasOf(documents.revision));
      return schemasOf(documents.base)
        .filter((name) => !kept.has(name))
        .map(
          (name): ReportDetail => ({
            message: `schema ${name} removed from components`,
            at: '/components/schemas',
            before: name,
          }),
        );
    },
  },
  {
    id: 'webhook-removed',
    level: 'ERR',
    section: 'operations',
    scope: 'document',
    title: 'A webhook was removed',
    why: 'Clients that registered for the webhook no longer receive its calls, and nothing tells them. Keep sending it until they have moved to its replacement.',
    examples: {
      triggers: {
        base: withWebhooks({ orderShipped: shipped, orderPaid: shipped }),
        revision: withWebhooks({ orderShipped: shipped }),
      },
      nearMiss: {
        base: withWebhooks({ orderShipped: shipped }),
        revision: withWebhooks({ orderShipped: shipped, orderPaid: shipped }),
      },
    },
    check: (_documents, context) =>
      webhooksMissing('base', context).map(
        (key): ReportDetail => ({ message: `webhook ${key} removed`, at: '/webhooks', before: key }),
      ),
  },
  {
    id: 'webhook-added',
    level: 'INFO',
    section: 'operations',
    scope: 'document',
    title: 'A webhook was added',
    why: 'Clients may register for the new webhook; nothing is sent to those that do not.',
    examples: {
      triggers: {
        base: withWebhooks({ orderShipped: shipped }),
        revision: withWebhooks({ orderShipped: shipped, orderPaid: shipped }),
      },
      nearMiss: {
        base: withWebhooks({ orderShipped: shipped, orderPaid: shipped }),
        revision: withWebhooks({ orderShipped: shipped }),
      },
    },
    check: (_documents, context) =>
      webhooksMissing('revision', context).map(
        (key): ReportDetail => ({ message: `webhook ${key} added`, at: '/webhooks', after: key }),
      ),
  },
];
