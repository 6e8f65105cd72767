import {
  isObject,
  normalisePath,
  type OperationEntry,
  operationsOf,
  pointerJoin,
  resolveNode,
} from './document.ts';
import { below, type Place } from './report.ts';
import type { DiffRun } from './rule-set.ts';
import { walkSchemaPair } from './schema-walk.ts';
import type { Json, JsonObject, OperationContext, OperationCounts, Pair } from './types.ts';

function unionKeys<T>(base: Map<string, T>, revision: Map<string, T>): string[] {
  return [...new Set([...base.keys(), ...revision.keys()])];
}

function objectOrNothing(node: Json | undefined): JsonObject | undefined {
  return isObject(node) ? node : undefined;
}

/** The place of a node that may exist on one side only: pointed at in the revision unless it was removed. */
function sidePlace(place: Place, present: { revision: unknown }): Place {
  return { ...place, side: present.revision ? 'revision' : 'base' };
}

function objectEntries(node: Json | undefined): Map<string, Json> {
  return new Map(isObject(node) ? Object.entries(node) : []);
}

/** The document-wide rules, security schemes and every path and operation. */
export function walkDocuments(run: DiffRun): OperationCounts {
  const { base, revision } = run.documents;
  const documentPlace: Place = {
    operation: null,
    operationKey: null,
    field: null,
    pointer: '',
    side: 'revision',
  };
  run.apply(run.rules('document'), documentPlace, (rule) => rule.check(run.documents, run.context));
  walkSecuritySchemes(run);
  walkPaths(run);
  const before = operationsOf(base);
  const after = operationsOf(revision);
  const counts: OperationCounts = {
    base: before.size,
    revision: after.size,
    added: 0,
    removed: 0,
    changed: 0,
  };
  for (const key of unionKeys(before, after)) {
    const pair = { base: before.get(key), revision: after.get(key) };
    if (!pair.base) counts.added++;
    else if (!pair.revision) counts.removed++;
    const findingsBefore = run.collector.findings.length;
    walkOperation(run, key, pair);
    if (pair.base && pair.revision && run.collector.findings.length > findingsBefore) counts.changed++;
  }
  return counts;
}

function walkSecuritySchemes(run: DiffRun): void {
  const schemesOf = (document: JsonObject) =>
    objectEntries(isObject(document.components) ? document.components.securitySchemes : undefined);
  const before = schemesOf(run.documents.base);
  const after = schemesOf(run.documents.revision);
  for (const name of unionKeys(before, after)) {
    const pair = {
      base: run.resolve('base', before.get(name))?.node,
      revision: run.resolve('revision', after.get(name))?.node,
    };
    const side = pair.revision ? 'revision' : 'base';
    const place: Place = {
      operation: null,
      operationKey: null,
      field: null,
      pointer: pointerJoin('/components/securitySchemes', name),
      side,
    };
    run.apply(run.rules('security-scheme'), place, (rule) => rule.check(pair, { ...run.context, name }));
  }
}

function walkPaths(run: DiffRun): void {
  const pathsOf = (document: JsonObject) => {
    const byShape = new Map<string, { path: string; item: JsonObject }>();
    for (const [path, item] of objectEntries(document.paths)) {
      const resolved = resolveNode(document, item)?.node;
      if (resolved) byShape.set(normalisePath(path), { path, item: resolved });
    }
    return byShape;
  };
  const before = pathsOf(run.documents.base);
  const after = pathsOf(run.documents.revision);
  for (const shape of unionKeys(before, after)) {
    const base = before.get(shape);
    const revision = after.get(shape);
    const path = (revision ?? base)?.path ?? shape;
    const place: Place = {
      operation: null,
      operationKey: null,
      field: null,
      pointer: pointerJoin('/paths', path),
      side: revision ? 'revision' : 'base',
    };
    const paths = { base: base?.path, revision: revision?.path };
    const items = { base: base?.item, revision: revision?.item };
    run.apply(run.rules('path'), place, (rule) => rule.check(items, { ...run.context, paths }));
  }
}

function isUnstable(operation: JsonObject | undefined): boolean {
  const level = operation?.['x-stability-level'];
  return level === 'draft' || level === 'alpha';
}

function walkOperation(run: DiffRun, key: string, pair: Pair<OperationEntry>): void {
  const entry = pair.revision ?? pair.base;
  if (!entry) return;
  // Nothing below an operation can differ when it, its path item and all it refers to are identical.
  if (
    pair.base &&
    pair.revision &&
    run.changed.identical(pair.base.operation, pair.revision.operation) &&
    run.changed.identical(pair.base.pathItem.parameters, pair.revision.pathItem.parameters)
  ) {
    return;
  }
  const operation = `${entry.method.toUpperCase()} ${entry.path}`;
  const place: Place = {
    operation,
    operationKey: key,
    field: null,
    pointer: entry.pointer,
    side: pair.revision ? 'revision' : 'base',
    unstable: isUnstable(pair.base?.operation ?? pair.revision?.operation),
  };
  const context: OperationContext = {
    ...run.context,
    method: entry.method,
    paths: { base: pair.base?.path, revision: pair.revision?.path },
    operations: { base: pair.base?.operation, revision: pair.revision?.operation },
  };
  run.apply(run.rules('operation'), place, (rule) => rule.check(context.operations, context));
  if (!pair.base || !pair.revision) return;
  walkParameters(run, context, place, { base: pair.base, revision: pair.revision });
  walkRequestBody(run, context, place);
  walkResponses(run, context, place);
}

interface LocatedParameter {
  parameter: JsonObject;
  pointer: string;
  name: string;
  in: string;
}

/**
 * The parameters an operation takes, path-level ones included (the operation's own win), keyed so
 * that the two sides match: by location and name (header names without case), and path parameters
 * by their position in the path, since `/users/{id}` and `/users/{userId}` are the same operation.
 */
function parametersOf(
  run: DiffRun,
  side: 'base' | 'revision',
  entry: OperationEntry,
): Map<string, LocatedParameter> {
  const byKey = new Map<string, LocatedParameter>();
  const templateNames = [...entry.path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
  const sources: [Json | undefined, string][] = [
    [entry.pathItem.parameters, pointerJoin('/paths', entry.path, 'parameters')],
    [entry.operation.parameters, pointerJoin(entry.pointer, 'parameters')],
  ];
  for (const [list, pointer] of sources) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const parameter = run.resolve(side, raw)?.node;
      if (!parameter || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') return;
      const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
      const position = parameter.in === 'path' ? templateNames.indexOf(parameter.name) : -1;
      const key = parameter.in === 'path' && position >= 0 ? `path#${position}` : `${parameter.in}:${name}`;
      byKey.set(key, {
        parameter,
        pointer: pointerJoin(pointer, index),
        name: parameter.name,
        in: parameter.in,
      });
    });
  }
  return byKey;
}

/** A parameter's schema: its `schema`, or the schema of its one `content` entry. */
function parameterSchema(parameter: JsonObject): Json | undefined {
  if (parameter.schema !== undefined) return parameter.schema;
  const content = isObject(parameter.content) ? Object.values(parameter.content)[0] : undefined;
  return isObject(content) ? content.schema : undefined;
}

function walkParameters(
  run: DiffRun,
  context: OperationContext,
  operationPlace: Place,
  entries: { base: OperationEntry; revision: OperationEntry },
): void {
  const before = parametersOf(run, 'base', entries.base);
  const after = parametersOf(run, 'revision', entries.revision);
  for (const key of unionKeys(before, after)) {
    const base = before.get(key);
    const revision = after.get(key);
    const shown = revision ?? base;
    if (!shown) continue;
    const field = `${shown.in}.${shown.in === 'header' ? shown.name.toLowerCase() : shown.name}`;
    const place: Place = {
      ...operationPlace,
      pointer: shown.pointer,
      field,
      side: revision ? 'revision' : 'base',
    };
    const parameterContext = { ...context, in: shown.in, name: shown.name };
    const pair = { base: base?.parameter, revision: revision?.parameter };
    run.apply(run.rules('parameter'), place, (rule) => rule.check(pair, parameterContext));
    if (!base || !revision) continue;
    walkSchemaPair(
      run,
      { base: parameterSchema(base.parameter), revision: parameterSchema(revision.parameter) },
      { ...context, direction: 'request', location: 'parameter', field, required: {} },
      { ...place, pointer: pointerJoin(revision.pointer, 'schema') },
    );
  }
}

function walkRequestBody(run: DiffRun, context: OperationContext, operationPlace: Place): void {
  const base = run.resolve('base', context.operations.base?.requestBody)?.node;
  const revision = run.resolve('revision', context.operations.revision?.requestBody)?.node;
  if (!base && !revision) return;
  const place = below(operationPlace, ['requestBody'], 'request.body');
  if (!revision) place.side = 'base';
  run.apply(run.rules('request-body'), place, (rule) => rule.check({ base, revision }, context));
  if (!base || !revision) return;
  walkContent(
    run,
    context,
    place,
    { base, revision },
    { direction: 'request', status: null, field: 'request.body' },
  );
}

function walkContent(
  run: DiffRun,
  context: OperationContext,
  parentPlace: Place,
  parents: { base: JsonObject; revision: JsonObject },
  where: { direction: 'request' | 'response'; status: string | null; field: string },
): void {
  const before = objectEntries(parents.base.content);
  const after = objectEntries(parents.revision.content);
  for (const mediaType of unionKeys(before, after)) {
    const base = objectOrNothing(before.get(mediaType));
    const revision = objectOrNothing(after.get(mediaType));
    const place = sidePlace(below(parentPlace, ['content', mediaType], where.field), { revision });
    const mediaContext = { ...context, mediaType, status: where.status };
    const rules = run.rulesWhere('media-type', where.direction);
    run.apply(rules, place, (rule) => rule.check({ base, revision }, mediaContext));
    if (!base || !revision) continue;
    walkSchemaPair(
      run,
      { base: base.schema, revision: revision.schema },
      { ...context, direction: where.direction, location: 'body', field: where.field, required: {} },
      below(place, ['schema']),
    );
  }
}

function walkResponses(run: DiffRun, context: OperationContext, operationPlace: Place): void {
  const before = objectEntries(context.operations.base?.responses);
  const after = objectEntries(context.operations.revision?.responses);
  for (const status of unionKeys(before, after)) {
    const base = run.resolve('base', before.get(status))?.node;
    const revision = run.resolve('revision', after.get(status))?.node;
    const place = sidePlace(below(operationPlace, ['responses', status], `response.${status}`), { revision });
    const responseContext = { ...context, status };
    run.apply(run.rules('response'), place, (rule) => rule.check({ base, revision }, responseContext));
    if (!base || !revision) continue;
    walkHeaders(run, responseContext, place, { base, revision });
    walkContent(
      run,
      context,
      place,
      { base, revision },
      {
        direction: 'response',
        status,
        field: `response.${status}.body`,
      },
    );
  }
}

function walkHeaders(
  run: DiffRun,
  context: OperationContext & { status: string },
  responsePlace: Place,
  responses: { base: JsonObject; revision: JsonObject },
): void {
  const byLowerName = (headers: Json | undefined) =>
    new Map([...objectEntries(headers)].map(([name, header]) => [name.toLowerCase(), { name, header }]));
  const before = byLowerName(responses.base.headers);
  const after = byLowerName(responses.revision.headers);
  for (const lower of unionKeys(before, after)) {
    const shown = after.get(lower) ?? before.get(lower);
    if (!shown) continue;
    const base = run.resolve('base', before.get(lower)?.header)?.node;
    const revision = run.resolve('revision', after.get(lower)?.header)?.node;
    const field = `response.${context.status}.header.${shown.name}`;
    const place = sidePlace(below(responsePlace, ['headers', shown.name], field), { revision });
    const headerContext = { ...context, name: shown.name };
    run.apply(run.rules('header'), place, (rule) => rule.check({ base, revision }, headerContext));
    if (!base || !revision) continue;
    walkSchemaPair(
      run,
      { base: base.schema, revision: revision.schema },
      { ...context, direction: 'response', location: 'header', field, required: {} },
      below(place, ['schema']),
    );
  }
}
