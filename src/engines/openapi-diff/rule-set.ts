import { resolveNode } from './document.ts';
import { FindingCollector, type Place } from './report.ts';
import type {
  BothSides,
  DiffOptions,
  Direction,
  Json,
  MediaTypeRule,
  OpenApiDocument,
  PropertyRule,
  Rule,
  RuleContext,
  RuleReport,
  SchemaLocation,
  SchemaRule,
  Scope,
} from './types.ts';
import { ChangedRefs } from './unchanged.ts';

type RuleOf<S extends Scope> = Extract<Rule, { scope: S }>;

/** Today in UTC as YYYY-MM-DD. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * One diff run: the two documents, the rules that are on, the findings so far. The walkers call
 * `apply` at every node; a rule that throws is a bug in the rule, reported as such rather than
 * hidden, so the run fails loudly in tests.
 */
export class DiffRun {
  readonly context: RuleContext;
  readonly collector: FindingCollector;
  readonly changed: ChangedRefs;
  private readonly rulesByScope = new Map<Scope, Rule[]>();
  private readonly rulesByPlace = new Map<string, Rule[]>();

  constructor(
    readonly documents: BothSides<OpenApiDocument>,
    rules: readonly Rule[],
    options: DiffOptions,
  ) {
    const disabled = new Set(options.disabledRules ?? []);
    for (const rule of rules) {
      if (disabled.has(rule.id)) continue;
      const list = this.rulesByScope.get(rule.scope) ?? [];
      list.push(rule);
      this.rulesByScope.set(rule.scope, list);
    }
    this.collector = new FindingCollector(options);
    this.changed = new ChangedRefs(documents);
    this.context = {
      options: { today: options.today ?? todayUtc(), minDeprecationDays: options.minDeprecationDays ?? 90 },
      documents,
      resolve: (side, node) => resolveNode(documents[side], node)?.node,
    };
  }

  rules<S extends Scope>(scope: S): RuleOf<S>[] {
    return (this.rulesByScope.get(scope) ?? []) as RuleOf<S>[];
  }

  /** The rules of a scope that apply in one direction (and location): looked up once, asked at every node. */
  rulesWhere<S extends 'schema' | 'property' | 'media-type'>(
    scope: S,
    direction: Direction,
    location?: SchemaLocation,
  ): RuleOf<S>[] {
    const key = `${scope}/${direction}/${location ?? ''}`;
    let list = this.rulesByPlace.get(key);
    if (!list) {
      const inScope = this.rules(scope) as (SchemaRule | PropertyRule | MediaTypeRule)[];
      list = inScope.filter(
        (rule) => rule.direction === direction && (rule.scope !== 'schema' || rule.location === location),
      );
      this.rulesByPlace.set(key, list);
    }
    return list as RuleOf<S>[];
  }

  /** Runs each rule's check and collects what it reports at the place. */
  apply<S extends Scope>(rules: RuleOf<S>[], place: Place, check: (rule: RuleOf<S>) => RuleReport): void {
    for (const rule of rules) {
      let report: RuleReport;
      try {
        report = check(rule);
      } catch (error) {
        throw new Error(
          `rule ${rule.id} failed at ${place.pointer}: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
      this.collector.add(rule, report, place);
    }
  }

  resolve(side: 'base' | 'revision', node: Json | undefined) {
    return resolveNode(this.documents[side], node);
  }
}
