import { isObject, pointerJoin } from './document.ts';
import type { Place } from './report.ts';
import type { DiffRun } from './rule-set.ts';
import type { BothSides, Json, JsonObject, SchemaContext } from './types.ts';

type Side = 'base' | 'revision';

/**
 * A schema with its `allOf` members folded in: their properties and required lists joined, and
 * their other keywords filling what the schema itself leaves unset. Composition by `allOf` is how
 * most contracts extend a base object; comparing the folded shapes reports a property moved
 * between members as no change, and a property removed from a member as removed.
 */
export function foldAllOf(
  run: DiffRun,
  side: Side,
  schema: JsonObject,
  seen = new Set<JsonObject>(),
): JsonObject {
  if (!Array.isArray(schema.allOf) || seen.has(schema)) return schema;
  seen.add(schema);
  const folded: JsonObject = { ...schema };
  const properties: JsonObject = { ...(isObject(schema.properties) ? schema.properties : {}) };
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const raw of schema.allOf) {
    const member = run.resolve(side, raw)?.node;
    if (!member) continue;
    const memberFolded = foldAllOf(run, side, member, seen);
    for (const [key, value] of Object.entries(memberFolded)) {
      if (key === 'properties' && isObject(value)) {
        for (const [name, property] of Object.entries(value))
          if (!(name in properties)) properties[name] = property;
      } else if (key === 'required' && Array.isArray(value)) {
        for (const name of value) required.add(name);
      } else if (key !== 'allOf' && folded[key] === undefined) {
        folded[key] = value;
      }
    }
  }
  if (Object.keys(properties).length > 0) folded.properties = properties;
  if (required.size > 0) folded.required = [...required];
  return folded;
}

function requiredNames(schema: JsonObject): Set<string> {
  return new Set(
    Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [],
  );
}

function propertiesOf(schema: JsonObject): Map<string, Json> {
  return new Map(isObject(schema.properties) ? Object.entries(schema.properties) : []);
}

/** The member of a `oneOf`/`anyOf` list on the other side that stands for the same alternative. */
function matchMembers(base: Json[], revision: Json[]): [number, number][] {
  const refOf = (member: Json) => (isObject(member) && typeof member.$ref === 'string' ? member.$ref : null);
  const pairs: [number, number][] = [];
  const usedRevision = new Set<number>();
  base.forEach((member, index) => {
    const ref = refOf(member);
    const match =
      ref === null ? -1 : revision.findIndex((other, at) => !usedRevision.has(at) && refOf(other) === ref);
    if (match >= 0) {
      pairs.push([index, match]);
      usedRevision.add(match);
    }
  });
  base.forEach((member, index) => {
    if (refOf(member) !== null || pairs.some(([at]) => at === index)) return;
    if (index < revision.length && !usedRevision.has(index) && refOf(revision[index] ?? null) === null) {
      pairs.push([index, index]);
      usedRevision.add(index);
    }
  });
  return pairs;
}

/**
 * Both sides point at the same component and nothing reachable from it changed. Checked only at
 * references, where big contracts share their schemas: comparing every inline subtree first would
 * cost as much as walking it.
 */
function sameUnchangedRef(run: DiffRun, base: Json, revision: Json): boolean {
  if (!isObject(base) || !isObject(revision)) return false;
  return typeof base.$ref === 'string' && base.$ref === revision.$ref && !run.changed.isChanged(base.$ref);
}

/**
 * Compares two schemas and everything below them (properties, array items, additional properties,
 * `oneOf`/`anyOf` alternatives), calling the schema and property rules of the direction at each
 * level. Recursive schemas end where a pair of references is already being compared further up.
 */
export function walkSchemaPair(
  run: DiffRun,
  raw: { base: Json | undefined; revision: Json | undefined },
  context: SchemaContext,
  place: Place,
  active: Set<string> = new Set(),
): void {
  if (raw.base === undefined || raw.revision === undefined) return;
  if (sameUnchangedRef(run, raw.base, raw.revision) || run.changed.identical(raw.base, raw.revision)) return;
  const base = run.resolve('base', raw.base);
  const revision = run.resolve('revision', raw.revision);
  if (!base || !revision) return;
  const cycleKey = base.ref || revision.ref ? `${base.ref}|${revision.ref}` : null;
  if (cycleKey && active.has(cycleKey)) return;
  if (cycleKey) active.add(cycleKey);
  const schemas = {
    base: foldAllOf(run, 'base', base.node),
    revision: foldAllOf(run, 'revision', revision.node),
  };
  const schemaPlace = revision.ref ? { ...place, pointer: revision.ref.slice(1) } : place;
  const rules = run.rulesWhere('schema', context.direction, context.location);
  run.apply(rules, schemaPlace, (rule) => rule.check(schemas, context));
  walkProperties(run, schemas, context, schemaPlace, active);
  walkNested(run, schemas, context, schemaPlace, active);
  if (cycleKey) active.delete(cycleKey);
}

function walkProperties(
  run: DiffRun,
  schemas: BothSides<JsonObject>,
  context: SchemaContext,
  place: Place,
  active: Set<string>,
): void {
  const before = propertiesOf(schemas.base);
  const after = propertiesOf(schemas.revision);
  if (before.size === 0 && after.size === 0) return;
  const requiredBefore = requiredNames(schemas.base);
  const requiredAfter = requiredNames(schemas.revision);
  const rules = run.rulesWhere('property', context.direction);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const rawBase = before.get(name);
    const rawRevision = after.get(name);
    const propertyContext = {
      ...context,
      location: 'property' as const,
      field: `${context.field}.${name}`,
      required: { base: requiredBefore.has(name), revision: requiredAfter.has(name) },
      name,
    };
    const side = rawRevision === undefined ? 'base' : 'revision';
    const propertyPlace: Place = {
      ...place,
      pointer: pointerJoin(place.pointer, 'properties', name),
      field: propertyContext.field,
      side,
    };
    const pair = {
      base: run.resolve('base', rawBase)?.node,
      revision: run.resolve('revision', rawRevision)?.node,
    };
    run.apply(rules, propertyPlace, (rule) => rule.check(pair, propertyContext));
    walkSchemaPair(run, { base: rawBase, revision: rawRevision }, propertyContext, propertyPlace, active);
  }
}

function walkNested(
  run: DiffRun,
  schemas: BothSides<JsonObject>,
  context: SchemaContext,
  place: Place,
  active: Set<string>,
): void {
  const nested = (key: string, field: string, location = 'property' as const) =>
    walkSchemaPair(
      run,
      { base: schemas.base[key], revision: schemas.revision[key] },
      { ...context, location, field, required: {} },
      { ...place, pointer: pointerJoin(place.pointer, key), field },
      active,
    );
  if (isObject(schemas.base.items) && isObject(schemas.revision.items)) nested('items', `${context.field}[]`);
  if (isObject(schemas.base.additionalProperties) && isObject(schemas.revision.additionalProperties)) {
    nested('additionalProperties', `${context.field}.*`);
  }
  for (const key of ['oneOf', 'anyOf']) {
    const base = schemas.base[key];
    const revision = schemas.revision[key];
    if (!Array.isArray(base) || !Array.isArray(revision)) continue;
    for (const [from, to] of matchMembers(base, revision)) {
      walkSchemaPair(
        run,
        { base: base[from], revision: revision[to] },
        { ...context, required: {} },
        { ...place, pointer: pointerJoin(place.pointer, key, to) },
        active,
      );
    }
  }
}
