import { isObject } from '../document.ts';
import type { DocumentRule, Json, JsonObject, OpenApiDocument, ReportDetail } from '../types.ts';
import { withOperation } from './examples.ts';
import { shown } from './schema-values.ts';

/**
 * The servers the API is reached at. Clients (and SDKs) are configured with a server URL, so a URL
 * that goes away strands them, though the host often keeps answering for a while: these are
 * warnings, to be checked against how the API is really deployed. Servers match by URL (variable
 * names and a trailing slash aside), then by description, so a server that moved is one change.
 */

interface Server {
  url: string;
  description: string | undefined;
  variables: Map<string, JsonObject>;
}

function serversOf(document: OpenApiDocument): Server[] {
  const list = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  return list.flatMap((server) => {
    if (typeof server.url !== 'string') return [];
    const variables = Object.entries(isObject(server.variables) ? server.variables : {}).filter(
      (entry): entry is [string, JsonObject] => isObject(entry[1]),
    );
    const description =
      typeof server.description === 'string' && server.description ? server.description : undefined;
    return [{ url: server.url, description, variables: new Map(variables) }];
  });
}

/** `https://{region}.example.com/v1/` and `https://{zone}.example.com/v1` are one server. */
function shapeOf(url: string): string {
  return url.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}

interface ServerPairs {
  kept: [Server, Server][];
  moved: [Server, Server][];
  removed: Server[];
  added: Server[];
}

/** The two sides' servers paired: by URL shape, then by description; the rest removed or added. */
function pairServers(documents: { base: OpenApiDocument; revision: OpenApiDocument }): ServerPairs {
  const removed = serversOf(documents.base);
  const added = serversOf(documents.revision);
  const take = (match: (base: Server, revision: Server) => boolean) => {
    const pairs: [Server, Server][] = [];
    for (const base of [...removed]) {
      const index = added.findIndex((revision) => match(base, revision));
      const [revision] = index < 0 ? [] : added.splice(index, 1);
      if (!revision) continue;
      pairs.push([base, revision]);
      removed.splice(removed.indexOf(base), 1);
    }
    return pairs;
  };
  const kept = take((base, revision) => shapeOf(base.url) === shapeOf(revision.url));
  const moved = take(
    (base, revision) => base.description !== undefined && base.description === revision.description,
  );
  return { kept, moved, removed, added };
}

function enumOf(variable: JsonObject): Json[] {
  return Array.isArray(variable.enum) ? variable.enum : [];
}

/** Each variable of each kept server present on both sides, with its name and server URL. */
function keptVariables(pairs: ServerPairs) {
  return pairs.kept.flatMap(([base, revision]) =>
    [...base.variables].flatMap(([name, before]) => {
      const after = revision.variables.get(name);
      return after ? [{ url: revision.url, name, before, after }] : [];
    }),
  );
}

function enumValuesMissing(from: JsonObject, other: JsonObject): Json[] {
  const known = new Set(enumOf(other).map((value) => JSON.stringify(value)));
  return enumOf(other).length === 0 ? [] : enumOf(from).filter((value) => !known.has(JSON.stringify(value)));
}

const production = 'https://api.example.com/v1';
/** `GET /orders` served from the given servers. */
const servedFrom = (...servers: JsonObject[]) => withOperation('get', '/orders', {}, { servers });
const regional = (variable: string, values: string[], members: JsonObject = {}) =>
  servedFrom({
    url: `https://{${variable}}.api.example.com/v1`,
    variables: { [variable]: { default: values[0] ?? '', enum: values, ...members } },
  });

export const serverRules: DocumentRule[] = [
  {
    id: 'api-server-removed',
    level: 'WARN',
    section: 'servers',
    scope: 'document',
    title: 'A server was removed',
    why: 'Clients configured with that URL can no longer count on it. Keep it answering (or redirecting) until they have moved to another server.',
    examples: {
      triggers: {
        base: servedFrom({ url: production }, { url: 'https://eu.api.example.com/v1' }),
        revision: servedFrom({ url: production }),
      },
      nearMiss: { base: servedFrom({ url: production }), revision: servedFrom({ url: `${production}/` }) },
    },
    check: (documents) =>
      pairServers(documents).removed.map(
        (server): ReportDetail => ({
          message: `server ${server.url} removed`,
          at: '/servers',
          before: server.url,
        }),
      ),
  },
  {
    id: 'api-server-added',
    level: 'INFO',
    section: 'servers',
    scope: 'document',
    title: 'A server was added',
    why: 'Clients may use the new URL; the ones they use keep working.',
    examples: {
      triggers: {
        base: servedFrom({ url: production }),
        revision: servedFrom({ url: production }, { url: 'https://eu.api.example.com/v1' }),
      },
      nearMiss: { base: servedFrom({ url: production }), revision: servedFrom({ url: `${production}/` }) },
    },
    check: (documents) =>
      pairServers(documents).added.map(
        (server): ReportDetail => ({
          message: `server ${server.url} added`,
          at: '/servers',
          after: server.url,
        }),
      ),
  },
  {
    id: 'api-server-url-changed',
    level: 'WARN',
    section: 'servers',
    scope: 'document',
    title: 'A server’s URL changed',
    why: 'The server with that description is now reached at another URL; clients configured with the old one must be updated unless it keeps answering.',
    examples: {
      triggers: {
        base: servedFrom({ url: production, description: 'Production' }),
        revision: servedFrom({ url: 'https://api.example.com/v2', description: 'Production' }),
      },
      nearMiss: {
        base: servedFrom({ url: production, description: 'Production' }),
        revision: servedFrom({ url: production, description: 'Production (EU)' }),
      },
    },
    check: (documents) =>
      pairServers(documents).moved.map(
        ([base, revision]): ReportDetail => ({
          message: `server '${base.description}' moved from ${base.url} to ${revision.url}`,
          at: '/servers',
          before: base.url,
          after: revision.url,
        }),
      ),
  },
  {
    id: 'api-server-variable-removed',
    level: 'WARN',
    section: 'servers',
    scope: 'document',
    title: 'A server variable was removed or renamed',
    why: 'Clients and SDKs that set the variable by name (a region, an environment) no longer can. Keep the name.',
    examples: {
      triggers: { base: regional('region', ['eu', 'us']), revision: regional('zone', ['eu', 'us']) },
      nearMiss: {
        base: regional('region', ['eu', 'us']),
        revision: regional('region', ['eu', 'us'], { description: 'Data region' }),
      },
    },
    check: (documents) =>
      pairServers(documents).kept.flatMap(([base, revision]) =>
        [...base.variables.keys()]
          .filter((name) => !revision.variables.has(name))
          .map(
            (name): ReportDetail => ({
              message: `server ${revision.url}: variable ${name} removed`,
              at: '/servers',
              before: name,
            }),
          ),
      ),
  },
  {
    id: 'api-server-variable-enum-value-removed',
    level: 'WARN',
    section: 'servers',
    scope: 'document',
    title: 'A value a server variable could take was removed',
    why: 'Clients configured with that value (a region, say) reach a server the contract no longer describes. Keep the value until they have moved.',
    examples: {
      triggers: { base: regional('region', ['eu', 'us']), revision: regional('region', ['eu']) },
      nearMiss: { base: regional('region', ['eu']), revision: regional('region', ['eu', 'us']) },
    },
    check: (documents) =>
      keptVariables(pairServers(documents)).flatMap(({ url, name, before, after }) =>
        enumValuesMissing(before, after).map(
          (value): ReportDetail => ({
            message: `server ${url}: variable ${name} no longer allows ${shown(value)}`,
            at: '/servers',
            before: value,
          }),
        ),
      ),
  },
  {
    id: 'api-server-variable-enum-value-added',
    level: 'INFO',
    section: 'servers',
    scope: 'document',
    title: 'A server variable can take a new value',
    why: 'Clients may choose the new value; the values they use keep working.',
    examples: {
      triggers: { base: regional('region', ['eu']), revision: regional('region', ['eu', 'us']) },
      nearMiss: { base: regional('region', ['eu', 'us']), revision: regional('region', ['eu']) },
    },
    check: (documents) =>
      keptVariables(pairServers(documents)).flatMap(({ url, name, before, after }) =>
        enumValuesMissing(after, before).map(
          (value): ReportDetail => ({
            message: `server ${url}: variable ${name} now allows ${shown(value)}`,
            at: '/servers',
            after: value,
          }),
        ),
      ),
  },
  {
    id: 'api-server-variable-default-changed',
    level: 'WARN',
    section: 'servers',
    scope: 'document',
    title: 'The default value of a server variable changed',
    why: 'Clients that do not set the variable now reach another server (another region or environment) without knowing it. Keep the default, or tell clients to set the variable.',
    examples: {
      triggers: {
        base: regional('region', ['eu', 'us']),
        revision: regional('region', ['eu', 'us'], { default: 'us' }),
      },
      nearMiss: { base: regional('region', ['eu']), revision: regional('region', ['eu', 'us']) },
    },
    check: (documents) =>
      keptVariables(pairServers(documents))
        .filter(({ before, after }) => JSON.stringify(before.default) !== JSON.stringify(after.default))
        .map(
          ({ url, name, before, after }): ReportDetail => ({
            message: `server ${url}: default of variable ${name} changed from ${shown(before.default)} to ${shown(after.default)}`,
            at: '/servers',
            ...(before.default !== undefined ? { before: before.default } : {}),
            ...(after.default !== undefined ? { after: after.default } : {}),
          }),
        ),
  },
];
