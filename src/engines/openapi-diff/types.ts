/**
 * The contract diff engine's shapes. An OpenAPI document is plain JSON data here (parsed from JSON or
 * YAML by load/); the engine never fetches anything and never reads files.
 */

/** How much a change matters to the API's clients: ERR breaks them, WARN may, INFO does not. */
export type Level = 'ERR' | 'WARN' | 'INFO';
export const levels: readonly Level[] = ['ERR', 'WARN', 'INFO'];

/** A JSON value as parsed from a contract. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object (an OpenAPI document, operation, schema, …). */
export type JsonObject = { [key: string]: Json };

/** An OpenAPI 3.0 or 3.1 document, already parsed (Swagger 2.0 is converted by load/ first). */
export type OpenApiDocument = JsonObject;

/** The part of the catalogue a rule belongs to, in the order the documentation lists them. */
export const sections = [
  'paths',
  'operations',
  'deprecation',
  'parameters',
  'request-body',
  'request-schema',
  'responses',
  'response-schema',
  'headers',
  'security',
  'servers',
  'extensions',
  'graphql',
] as const;
export type Section = (typeof sections)[number];

/** Which way data flows through a schema: clients send requests and read responses. */
export type Direction = 'request' | 'response';

/**
 * Where a schema sits: a parameter's schema, a body's top-level schema, a property (at any depth,
 * array items and composition members included) or a response header's schema.
 */
export type SchemaLocation = 'parameter' | 'body' | 'property' | 'header';

/** A node on both sides of the comparison; a side is absent when the node was added or removed. */
export interface Pair<T> {
  base?: T;
  revision?: T;
}
/** A node present on both sides. */
export interface BothSides<T> {
  base: T;
  revision: T;
}

/** How the options of a diff default: see DiffOptions. */
export interface DiffOptions {
  /** The day the diff is judged on (YYYY-MM-DD), for sunset dates. Default: today in UTC. */
  today?: string;
  /** Days a deprecation must last before its sunset (a project setting). Default 90. */
  minDeprecationDays?: number;
  /** Rule ids switched off. */
  disabledRules?: readonly string[];
  /** Levels changed per rule id, as oasdiff's severity configuration does. */
  levelOverrides?: Readonly<Record<string, Level>>;
}

/** One change found between two versions of a contract. */
export interface Finding {
  ruleId: string;
  level: Level;
  section: Section;
  /** One line naming the operation and the place, e.g. `GET /users/{id}: response 200 property name removed`. */
  message: string;
  /** `GET /users/{id}` (the revision's path when the operation exists there), or null for document-wide changes. */
  operation: string | null;
  /**
   * The operation's key for matching consumers: method and path with parameter names blanked,
   * `GET /users/{}`. Null for document-wide changes.
   */
  operationKey: string | null;
  /**
   * The field a consumer might use, as Pact and consumer registrations name it: `query.limit`,
   * `header.x-request-id`, `request.body.items[].name`, `response.200.body.name`,
   * `response.200.header.Sunset`. Null for whole operations and document-wide changes.
   */
  field: string | null;
  /** JSON pointer into the document the change is seen in (the base for removals, else the revision). */
  pointer: string;
  side: 'base' | 'revision';
  before?: Json;
  after?: Json;
}

/** Counts of operations seen by the diff. */
export interface OperationCounts {
  base: number;
  revision: number;
  added: number;
  removed: number;
  changed: number;
}

/** The result of comparing two versions of one contract. */
export interface DiffResult {
  kind: 'openapi' | 'graphql';
  base: { title: string | null; version: string | null };
  revision: { title: string | null; version: string | null };
  findings: Finding[];
  summary: { ERR: number; WARN: number; INFO: number };
  operations: OperationCounts;
}

/**
 * What a rule reports: a message, or a message with the exact place and values, or several. The
 * operation, field and pointer default to the node the rule was called on.
 */
export interface ReportDetail {
  message: string;
  /** JSON pointer suffix below the node the rule looked at (e.g. `/maxLength`). */
  at?: string;
  /** A field below the node's field (e.g. a property name), for consumer matching. */
  field?: string;
  before?: Json;
  after?: Json;
}
export type RuleReport = string | ReportDetail | (string | ReportDetail)[] | null | undefined | false;

/** A pair of documents that shows a rule: `triggers` must report it, `nearMiss` must not. */
export interface RuleExample {
  base: OpenApiDocument;
  revision: OpenApiDocument;
}

interface RuleBase {
  /** Stable id (oasdiff's where the concept is the same). */
  id: string;
  level: Level;
  section: Section;
  /** What the rule reports, in a short sentence (the documentation's title). */
  title: string;
  /** Why it matters to a client, and what a client must do (the migration guide quotes it). */
  why: string;
  examples: { triggers: RuleExample; nearMiss: RuleExample };
}

/** What every rule sees besides its node. */
export interface RuleContext {
  options: Required<Pick<DiffOptions, 'today' | 'minDeprecationDays'>>;
  /** Follows a `$ref` inside the document it came from (cycle-safe: gives the target, not a copy). */
  resolve(side: 'base' | 'revision', node: Json | undefined): Json | undefined;
  documents: BothSides<OpenApiDocument>;
}

/** The operation a node belongs to. */
export interface OperationContext extends RuleContext {
  method: string;
  /** The path as written on each side (they may differ in parameter names only). */
  paths: Pair<string>;
  operations: Pair<JsonObject>;
}

/** Rules called once per pair of documents. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(documents: BothSides<OpenApiDocument>, context: RuleContext): RuleReport;
}

/** Rules called once per path (normalised), added, removed or kept. */
export interface PathRule extends RuleBase {
  scope: 'path';
  check(pathItems: Pair<JsonObject>, context: RuleContext & { paths: Pair<string> }): RuleReport;
}

/** Rules called once per operation (path and method), added, removed or kept. */
export interface OperationRule extends RuleBase {
  scope: 'operation';
  check(operations: Pair<JsonObject>, context: OperationContext): RuleReport;
}

/** Rules called once per parameter (path-level ones merged in), matched by `in` and name. */
export interface ParameterRule extends RuleBase {
  scope: 'parameter';
  check(parameters: Pair<JsonObject>, context: OperationContext & { in: string; name: string }): RuleReport;
}

/** Rules called once per operation's request body (either side may have none). */
export interface RequestBodyRule extends RuleBase {
  scope: 'request-body';
  check(bodies: Pair<JsonObject>, context: OperationContext): RuleReport;
}

/** Rules called once per media type of a request body or of a response. */
export interface MediaTypeRule extends RuleBase {
  scope: 'media-type';
  direction: Direction;
  check(
    mediaTypes: Pair<JsonObject>,
    context: OperationContext & { mediaType: string; status: string | null },
  ): RuleReport;
}

/** Rules called once per response status code (`200`, `4XX`, `default`). */
export interface ResponseRule extends RuleBase {
  scope: 'response';
  check(responses: Pair<JsonObject>, context: OperationContext & { status: string }): RuleReport;
}

/** Rules called once per response header (names compared without case). */
export interface HeaderRule extends RuleBase {
  scope: 'header';
  check(headers: Pair<JsonObject>, context: OperationContext & { status: string; name: string }): RuleReport;
}

/** Where a schema pair sits, for schema and property rules. */
export interface SchemaContext extends OperationContext {
  direction: Direction;
  location: SchemaLocation;
  /** The field the schema describes (see Finding.field). */
  field: string;
  /** For properties: whether the parent object requires it, on each side. */
  required: Pair<boolean>;
}

/**
 * Rules called on every schema pair present on both sides, at the direction and location they name
 * (`request`/`property` is a request body's property at any depth). The schemas are resolved
 * (`$ref` followed); nested schemas are not: use `context.resolve`.
 */
export interface SchemaRule extends RuleBase {
  scope: 'schema';
  direction: Direction;
  location: SchemaLocation;
  check(schemas: BothSides<JsonObject>, context: SchemaContext): RuleReport;
}

/** Rules called on every object property (at any depth), added, removed or kept. */
export interface PropertyRule extends RuleBase {
  scope: 'property';
  direction: Direction;
  check(properties: Pair<JsonObject>, context: SchemaContext & { name: string }): RuleReport;
}

/** Rules called once per security scheme in components (matched by name). */
export interface SecuritySchemeRule extends RuleBase {
  scope: 'security-scheme';
  check(schemes: Pair<JsonObject>, context: RuleContext & { name: string }): RuleReport;
}

export type Rule =
  | DocumentRule
  | PathRule
  | OperationRule
  | ParameterRule
  | RequestBodyRule
  | MediaTypeRule
  | ResponseRule
  | HeaderRule
  | SchemaRule
  | PropertyRule
  | SecuritySchemeRule;
export type Scope = Rule['scope'];
