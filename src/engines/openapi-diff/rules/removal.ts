import { isObject, normalisePath } from '../document.ts';
import type { JsonObject, Level, OperationContext, OperationRule, RuleExample, Section } from '../types.ts';
import { daysBetween, isDeprecated, type Sunset, sunsetOf } from './sunset.ts';

/**
 * How far along its deprecation an operation was when it was removed. Removing one that was never
 * deprecated breaks its clients without notice; removing one after the sunset it announced is the
 * end of a deprecation done right.
 */
export type RemovalStage =
  | 'not-deprecated'
  | 'no-sunset'
  | 'unreadable-sunset'
  | 'before-sunset'
  | 'after-sunset';

export function removalStage(
  operation: JsonObject,
  context: OperationContext,
): { stage: RemovalStage; sunset: Sunset | null } {
  if (!isDeprecated(operation)) return { stage: 'not-deprecated', sunset: null };
  const sunset = sunsetOf(operation, (node) => context.resolve('base', node));
  if (!sunset) return { stage: 'no-sunset', sunset };
  if (!sunset.date) return { stage: 'unreadable-sunset', sunset };
  const daysLeft = daysBetween(context.options.today, sunset.date);
  return { stage: daysLeft > 0 ? 'before-sunset' : 'after-sunset', sunset };
}

/** The shapes of the paths a document has, remembered per document: removal rules ask for every removed operation. */
const pathShapesByDocument = new WeakMap<JsonObject, Set<string>>();

function pathShapes(context: OperationContext): Set<string> {
  const document = context.documents.revision;
  const known = pathShapesByDocument.get(document);
  if (known) return known;
  const paths = isObject(document.paths) ? document.paths : {};
  const shapes = new Set(
    Object.entries(paths)
      .filter(([, item]) => isObject(context.resolve('revision', item)))
      .map(([path]) => normalisePath(path)),
  );
  pathShapesByDocument.set(document, shapes);
  return shapes;
}

/** Whether the revision has no path of the removed operation's shape left at all. */
export function wholePathRemoved(context: OperationContext): boolean {
  const path = context.paths.base;
  if (path === undefined) return false;
  return !pathShapes(context).has(normalisePath(path));
}

/**
 * One outcome of removing an operation, reported for operations removed on their own
 * (`api-removed-…`) or with their whole path (`api-path-removed-…`), as oasdiff names them.
 */
export function removalRule(spec: {
  id: string;
  level: Level;
  section: Section;
  title: string;
  why: string;
  examples: { triggers: RuleExample; nearMiss: RuleExample };
  /** The stages the rule reports; `withPath` says whether it reports whole-path removals or the others. */
  stages: RemovalStage[];
  withPath: boolean | 'either';
  message(sunset: Sunset | null): string;
}): OperationRule {
  return {
    id: spec.id,
    level: spec.level,
    section: spec.section,
    scope: 'operation',
    title: spec.title,
    why: spec.why,
    examples: spec.examples,
    check: ({ base, revision }, context) => {
      if (!base || revision) return null;
      if (spec.withPath !== 'either' && wholePathRemoved(context) !== spec.withPath) return null;
      const { stage, sunset } = removalStage(base, context);
      if (!spec.stages.includes(stage)) return null;
      return {
        message: spec.message(sunset),
        ...(sunset ? { before: sunset.text } : {}),
      };
    },
  };
}
