import type { Scope } from '../../core/resource/scope.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import type { ContractRow } from './api-contract.ts';
import type { ImpactedFinding, StoredDiff, UploadAnswer } from './contracts.ts';
import type { NewDeprecation } from './deprecations.ts';
import {
  affectedConsumerResource,
  breakingChangeResource,
  contractResource,
  deprecationScheduleResource,
  migrationGuideResource,
} from './resource.ts';

// What an uploaded version tells the plan (breaking change management), written through the plan's
// own resources so that each row is audited like one written by hand: the breaking changes it
// introduces, their migration guide and affected consumers, the deprecations it announces, and the
// contract's current version.

const maxName = 200;
const maxDescription = 10_000;
const maxGuide = 50_000;
const wholeApi = 'the whole API';

/** What the plan needs to know of the upload. */
export interface PlanInput {
  contract: ContractRow;
  label: string;
  previousLabel: string | null;
  diff: StoredDiff | null;
  guide: string | null;
  deprecations: NewDeprecation[];
  /** The day the version was uploaded (YYYY-MM-DD): deprecations are announced on it. */
  today: string;
  contacts: Map<string, string | null>;
}

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** ERR changes by the operation they break (document-wide ones under "the whole API"), in diff order. */
function breakingByOperation(diff: StoredDiff): Map<string, ImpactedFinding[]> {
  const groups = new Map<string, ImpactedFinding[]>();
  for (const finding of diff.findings.filter((candidate) => candidate.level === 'ERR')) {
    const operation = finding.operation ?? wholeApi;
    groups.set(operation, [...(groups.get(operation) ?? []), finding]);
  }
  return groups;
}

function describe(findings: ImpactedFinding[]): string {
  const lines = findings.map((finding) => `- ${finding.message} (${finding.ruleId})`);
  return shortened(lines.join('\n'), maxDescription);
}

async function recordDeprecations(tx: Transaction, scope: Scope, input: PlanInput) {
  const schedules = new Map<string, string>();
  for (const deprecation of input.deprecations) {
    const row = await createRow(tx, deprecationScheduleResource, scope, {
      name: shortened(`${input.contract.name}: ${deprecation.operation} deprecated`, maxName),
      contractId: input.contract.id,
      announcedOn: input.today,
      sunsetOn: deprecation.sunsetOn,
    });
    schedules.set(deprecation.operation, row.id);
  }
  return schedules;
}

async function recordGuide(tx: Transaction, scope: Scope, input: PlanInput): Promise<string> {
  const name = `${input.contract.name} ${input.previousLabel ?? ''} → ${input.label}`;
  const note = '\n\n(The guide continues: GET …/versions/{versionId}/migration-guide gives all of it.)';
  const guide = input.guide ?? '';
  const body = guide.length <= maxGuide ? guide : `${guide.slice(0, maxGuide - note.length)}${note}`;
  const row = await createRow(tx, migrationGuideResource, scope, { name: shortened(name, maxName), body });
  return row.id;
}

/** One breaking change per operation, with the consumers its changes affect. */
async function recordBreakingChanges(
  tx: Transaction,
  scope: Scope,
  input: PlanInput & { diff: StoredDiff },
  links: { guideId: string; schedules: Map<string, string> },
) {
  const ids: string[] = [];
  let affected = 0;
  for (const [operation, findings] of breakingByOperation(input.diff)) {
    const change = await createRow(tx, breakingChangeResource, scope, {
      name: shortened(`${input.contract.name} ${input.label}: ${operation}`, maxName),
      contractId: input.contract.id,
      description: describe(findings),
      detectedBy: 'contract-diff',
      status: 'proposed',
      contractVersion: input.label,
      migrationGuideId: links.guideId,
      deprecationScheduleId: links.schedules.get(operation) ?? null,
    });
    ids.push(change.id);
    const consumers = new Map(findings.flatMap((finding) => finding.consumers).map((c) => [c.id, c.name]));
    for (const [id, name] of consumers) {
      await createRow(tx, affectedConsumerResource, scope, {
        name,
        breakingChangeId: change.id,
        contact: input.contacts.get(id) ?? null,
      });
      affected += 1;
    }
  }
  return { ids, affected };
}

/**
 * Records the upload in the plan, in the caller's transaction: deprecation schedules for the
 * operations it newly deprecates, and when it breaks something a migration guide and one breaking
 * change per operation (proposed, until a review decides) with its affected consumers. Then the
 * contract's current version becomes this one.
 */
export async function recordInPlan(
  tx: Transaction,
  scope: Scope,
  input: PlanInput,
): Promise<UploadAnswer['plan']> {
  const schedules = await recordDeprecations(tx, scope, input);
  const plan: UploadAnswer['plan'] = {
    breakingChanges: [],
    migrationGuideId: null,
    affectedConsumers: 0,
    deprecationSchedules: [...schedules.values()],
  };
  if (input.diff && input.diff.summary.ERR > 0) {
    const guideId = await recordGuide(tx, scope, input);
    const recorded = await recordBreakingChanges(
      tx,
      scope,
      { ...input, diff: input.diff },
      { guideId, schedules },
    );
    Object.assign(plan, {
      breakingChanges: recorded.ids,
      migrationGuideId: guideId,
      affectedConsumers: recorded.affected,
    });
  }
  await changeRow(tx, contractResource, scope, input.contract, { values: { currentVersion: input.label } });
  return plan;
}
