import { normalisePath } from '../document.ts';
import type { DiffResult, Finding, OpenApiDocument } from '../types.ts';
import { UsedFields } from './fields.ts';
import { Routes } from './operation-key.ts';
import type { Impact, RegisteredConsumer } from './types.ts';

/** What one consumer uses: by operation key, its fields, or `whole` when it listed none. */
type Usage = Map<string, UsedFields | 'whole'>;

/**
 * Which findings of a diff reach which consumers. A finding on an operation reaches the consumers
 * that call it, narrowed to those using the changed field when they listed their fields; a finding
 * on a path reaches the callers of any of its operations, and a document-wide one (a security
 * scheme, a server) reaches every consumer. `document` is the base the consumers were written
 * against: concrete paths and statuses are matched to its templates and responses.
 */
export function consumerImpact(
  document: OpenApiDocument,
  result: DiffResult,
  consumers: readonly RegisteredConsumer[],
): Impact {
  const routes = new Routes(document);
  const usages = consumers.map((consumer) => usageOf(routes, consumer));
  const perFinding = result.findings.map((finding, findingIndex) => ({
    findingIndex,
    consumerIds: consumers.filter((_, at) => reaches(usages[at], finding)).map((consumer) => consumer.id),
  }));
  const unused = perFinding
    .filter(({ findingIndex, consumerIds }) => {
      const level = result.findings[findingIndex]?.level;
      return consumerIds.length === 0 && (level === 'ERR' || level === 'WARN');
    })
    .map(({ findingIndex }) => findingIndex);
  const perConsumer = consumers.map((consumer, at) => ({
    consumerId: consumer.id,
    findings: result.findings.flatMap((finding, index) => (reaches(usages[at], finding) ? [index] : [])),
  }));
  return { perFinding, unused, perConsumer };
}

/**
 * A consumer's operations keyed as findings key them, each with the fields it uses. Operations named
 * twice (two concrete paths of one template) pool their fields; one listed without fields is used whole.
 */
function usageOf(routes: Routes, consumer: RegisteredConsumer): Usage {
  const listed = new Set([...consumer.operations, ...Object.keys(consumer.fields ?? {})]);
  const pooled = new Map<string, string[] | 'whole'>();
  for (const operation of listed) {
    const key = routes.registeredKey(operation);
    const fields = consumer.fields?.[operation] ?? [];
    const before = pooled.get(key) ?? [];
    if (fields.length === 0 || before === 'whole') {
      pooled.set(key, 'whole');
      continue;
    }
    pooled.set(key, [...before, ...fields.map((field) => withDeclaredStatus(routes, key, field))]);
  }
  const usage: Usage = new Map();
  for (const [key, fields] of pooled) usage.set(key, fields === 'whole' ? 'whole' : new UsedFields(fields));
  return usage;
}

/** `response.200.body.id` against a document declaring only `2XX` reads `response.2XX.body.id`. */
function withDeclaredStatus(routes: Routes, operationKey: string, field: string): string {
  const match = /^response\.(\d{3})(?=\.|$)/.exec(field);
  if (!match?.[1]) return field;
  const declared = routes.responseKey(operationKey, match[1]);
  return `response.${declared}${field.slice(match[0].length)}`;
}

function reaches(usage: Usage | undefined, finding: Finding): boolean {
  if (!usage) return false;
  if (finding.operationKey === null) {
    const path = pathOfPointer(finding.pointer);
    if (path === null) return true;
    return [...usage.keys()].some((key) => key.slice(key.indexOf(' ') + 1) === path);
  }
  const fields = usage.get(finding.operationKey);
  if (fields === undefined) return false;
  if (fields === 'whole' || finding.field === null) return true;
  return fields.reaches(finding.ruleId, finding.field);
}

/** The normalised path a finding's pointer sits under (`/paths/~1users~1{id}` → `/users/{}`). */
function pathOfPointer(pointer: string): string | null {
  const match = /^\/paths\/([^/]+)/.exec(pointer);
  if (!match?.[1]) return null;
  return normalisePath(match[1].replaceAll('~1', '/').replaceAll('~0', '~'));
}
