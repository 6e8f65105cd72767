import { pointerJoin } from './document.ts';
import type { DiffOptions, Finding, Level, ReportDetail, Rule, RuleReport } from './types.ts';

/** Where a rule was called: what every finding it reports there is attached to. */
export interface Place {
  operation: string | null;
  operationKey: string | null;
  field: string | null;
  pointer: string;
  side: 'base' | 'revision';
  /** Changes to draft and alpha operations are reported, but only as INFO. */
  unstable?: boolean;
}

function details(report: RuleReport): ReportDetail[] {
  if (!report) return [];
  const list = Array.isArray(report) ? report : [report];
  return list.map((item) => (typeof item === 'string' ? { message: item } : item));
}

/** Collects findings, applying the run's level overrides and the stability rule, without duplicates. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly overrides: Readonly<Record<string, Level>>;

  constructor(options: DiffOptions) {
    this.overrides = options.levelOverrides ?? {};
  }

  add(rule: Rule, report: RuleReport, place: Place): void {
    for (const detail of details(report)) {
      const field = detail.field
        ? place.field
          ? `${place.field}.${detail.field}`
          : detail.field
        : place.field;
      const prefix = place.operation ? `${place.operation}: ` : '';
      const finding: Finding = {
        ruleId: rule.id,
        level: this.levelOf(rule, place),
        section: rule.section,
        message: `${prefix}${detail.message}`,
        operation: place.operation,
        operationKey: place.operationKey,
        field,
        pointer: detail.at ? `${place.pointer}${detail.at}` : place.pointer,
        side: place.side,
        ...(detail.before !== undefined ? { before: detail.before } : {}),
        ...(detail.after !== undefined ? { after: detail.after } : {}),
      };
      // The same change reached twice (two media types of one body, a shared parameter) is one change.
      const key = `${finding.ruleId}\u0000${finding.operationKey}\u0000${finding.field}\u0000${finding.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.findings.push(finding);
    }
  }

  private levelOf(rule: Rule, place: Place): Level {
    const level = this.overrides[rule.id] ?? rule.level;
    return place.unstable && rule.id !== 'api-stability-decreased' ? 'INFO' : level;
  }
}

/** A place one level further down: a pointer suffix and, optionally, a longer field. */
export function below(place: Place, keys: (string | number)[], field?: string | null): Place {
  return {
    ...place,
    pointer: pointerJoin(place.pointer, ...keys),
    field: field === undefined ? place.field : field,
  };
}
