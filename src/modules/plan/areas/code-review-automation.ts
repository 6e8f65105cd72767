import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

/** How recent a gate's evaluation on test results must be to count as evidence. */
const testWindowDays = 14;

export const codeReviewChecklists = planTable('code_review_checklists', {
  purpose: 'What reviewers (people and agents) check, per kind of change',
  fields: {
    name: field.name(),
    scope: field.enum(
      ['all-changes', 'api', 'database', 'security', 'ui', 'infrastructure'],
      'Changes it applies to',
      {
        required: true,
      },
    ),
    items: field.list('The questions to answer, one per item', 100),
    owner: field.label('Team or person who keeps the checklist current'),
    blockingRules: field.list(
      'Analyser rule ids (SARIF ruleId, e.g. no-eval) whose findings block the work whatever their severity',
      200,
    ),
  },
});

export const qualityGates = planTable('quality_gates', {
  purpose: 'What must pass before work moves to the next task or stage',
  fields: {
    name: field.name(),
    stage: field.enum(['pre-commit', 'pre-merge', 'pre-deploy', 'post-deploy'], 'When it runs', {
      required: true,
    }),
    command: field.label('What runs (a command or a CI job)'),
    threshold: field.label('What passing means (e.g. coverage >= 80%, 0 critical findings)'),
    blocking: field.flag('Whether failing it stops the work', { default: true }),
    lastResult: field.enum(['passed', 'failed'], 'The result of its last run (reported by CI)'),
    lastRunAt: field.time('When it last ran'),
    lastTestRunAt: field.time(
      'When it was last evaluated on an imported test run (GET …/test-runs/{runId}/gate sets it)',
    ),
    maxFlakyRate: field.decimal(
      "The highest share of flaky tests it accepts, in % of the tests of the branch's last 30 imported runs",
      0,
      100,
    ),
    blockingSeverity: field.enum(
      ['critical', 'major', 'minor', 'info'],
      'Open findings at or above this severity fail the gate (empty: findings do not count)',
    ),
    flakyRate: field.decimal(
      "The share of flaky tests (%) in the branch's last 30 imported runs, measured when it was last evaluated on a test run",
      0,
      100,
    ),
    requireReviewer: field.flag(
      'Whether every merge request merged in the last 30 days must have had a reviewer (checked against synced GitLab merge requests)',
      { default: false },
    ),
    maxPickupHours: field.decimal(
      'The longest median pickup time (merge request opened → first review) it accepts, in hours',
      0,
      10_000,
    ),
    unreviewedMerged: field.int(
      'Merge requests merged without a reviewer in the last 30 days, measured by the last delivery sync',
      0,
      1_000_000,
    ),
    pickupHours: field.decimal(
      'The median pickup time (hours) of the last 30 days, measured by the last delivery sync',
      0,
      1_000_000,
    ),
    deliveryCheckedAt: field.time('When a delivery sync or import last measured it'),
  },
});

export const preCommitHooks = planTable('pre_commit_hooks', {
  purpose: 'Hooks to install for a task, so problems are caught before a commit exists',
  fields: {
    name: field.name(),
    tool: field.label('The tool the hook runs', { required: true }),
    command: field.label('The exact command'),
    taskType: field.label('Kind of task that needs it (empty: every task)'),
    autoFix: field.flag('Whether it fixes what it finds', { default: false }),
  },
});

export const reviewFindings = planTable('review_findings', {
  purpose: 'Issues found by review, with their severity and whether they block or warn',
  writer: 'contribute',
  fields: {
    name: field.name('Short title of the finding'),
    gateId: field.ref(() => qualityGates, 'The gate that found it'),
    checklistId: field.ref(() => codeReviewChecklists, 'The checklist item it answers'),
    severity: field.enum(['critical', 'major', 'minor', 'info'], 'How bad it is', { required: true }),
    disposition: field.enum(['blocks', 'warns'], 'Whether it blocks the work or only warns', {
      required: true,
    }),
    status: field.enum(['open', 'fixed', 'accepted', 'false-positive'], 'Where it stands', {
      default: 'open',
    }),
    location: field.label('File and line, or the component'),
    source: field.label('Who or what found it (a linter, an agent, a reviewer)'),
    details: field.text('What is wrong and how to fix it'),
    ruleId: field.label("The analyser's rule (SARIF ruleId), e.g. no-eval"),
    fingerprint: field.label(
      'What identifies the finding across uploads (SARIF partialFingerprints, else a hash of rule, file and code)',
    ),
    stream: field.label(
      "The analyser result stream it was reported in (SARIF automationDetails.id, else the tool's name)",
    ),
    commit: field.label('The commit it was last reported on'),
    lastSeenAt: field.time('When an upload last reported it'),
  },
});

export const autoFixHistory = planTable('auto_fix_history', {
  purpose: 'What was fixed automatically, by which tool, and whether the fix held',
  writer: 'contribute',
  fields: {
    name: field.name('What was fixed'),
    findingId: field.ref(() => reviewFindings, 'The finding it fixed'),
    hookId: field.ref(() => preCommitHooks, 'The hook that fixed it'),
    tool: field.label('The tool that made the change', { required: true }),
    filesChanged: field.int('Files the fix touched', 0, 100_000),
    outcome: field.enum(['applied', 'reverted', 'failed'], 'What became of the fix', { required: true }),
    appliedAt: field.time('When it was applied'),
  },
});

/** A gate's delivery figures count when a sync or import measured them within the test window. */
function measuredFault(gate: { deliveryCheckedAt?: unknown }, now: Date): string | null {
  const checkedAt = gate.deliveryCheckedAt;
  if (!(typeof checkedAt === 'string' || checkedAt instanceof Date))
    return 'never measured by a delivery sync';
  return daysBetween(checkedAt, now) > testWindowDays
    ? `last measured by a delivery sync over ${testWindowDays} days ago`
    : null;
}

function unreviewedFault(count: unknown): string | null {
  return typeof count === 'number' && count > 0 ? `${count} merged without a reviewer` : null;
}

export const codeReviewAutomation = defineArea({
  number: 1,
  slug: 'code-review-automation',
  key: 'review',
  title: 'Code review automation',
  summary: 'Checklists, quality gates, pre-commit hooks, findings and automatic fixes.',
  tables: { codeReviewChecklists, qualityGates, preCommitHooks, reviewFindings, autoFixHistory },
  checks: [
    {
      id: 'review.gates-and-checklists-planned',
      level: 'bronze',
      title: 'Quality gates and review checklists are planned',
      why: 'Agents and people move to the next task only past a gate; without gates and checklists nothing stops bad changes.',
      evaluate: ({ qualityGates, codeReviewChecklists }) => {
        const gates = atLeast(qualityGates, 'quality gates');
        return gates.status === 'pass' ? atLeast(codeReviewChecklists, 'review checklists') : gates;
      },
    },
    {
      id: 'review.checklists-have-items-and-owner',
      level: 'silver',
      title: 'Every review checklist has items and an owner',
      why: 'An empty or unowned checklist is skipped; its items are what a reviewer actually checks.',
      evaluate: ({ codeReviewChecklists }) =>
        everyRow('code_review_checklists', codeReviewChecklists, 'review checklists', (checklist) =>
          missingOf(checklist, { items: 'no items', owner: 'no owner' }),
        ),
    },
    {
      id: 'review.gates-specified',
      level: 'silver',
      title: 'Every quality gate says what runs and what passing means, and a pre-merge gate blocks',
      why: 'A gate is only a gate when its command and threshold are explicit and something blocks the merge.',
      evaluate: ({ qualityGates }) => {
        const result = everyRow('quality_gates', qualityGates, 'quality gates', (gate) =>
          missingOf(gate, { command: 'no command', threshold: 'no threshold' }),
        );
        if (result.status !== 'pass') return result;
        const blocking = qualityGates.some((gate) => gate.stage === 'pre-merge' && gate.blocking);
        return blocking
          ? result
          : { status: 'fail', message: 'No blocking pre-merge quality gate.', rows: [] };
      },
    },
    {
      id: 'review.gates-passing',
      level: 'gold',
      title: 'Every blocking quality gate passed on its last run, within 7 days',
      why: 'Gates on paper prove nothing; their last results show the work really clears them.',
      evaluate: ({ qualityGates }, { now }) =>
        everyRow(
          'quality_gates',
          qualityGates.filter((gate) => gate.blocking),
          'blocking quality gates',
          (gate) => {
            if (!gate.lastRunAt) return 'never ran';
            if (gate.lastResult !== 'passed') return 'last run failed';
            return daysBetween(gate.lastRunAt, now) > 7 ? 'last run over 7 days ago' : null;
          },
        ),
    },
    {
      id: 'review.gates-evaluated-on-tests',
      level: 'gold',
      title: 'Every blocking quality gate was evaluated on an imported test run within 14 days',
      why: 'A gate that is never evaluated on real test results cannot stop a change that breaks them.',
      evaluate: ({ qualityGates }, { now }) =>
        everyRow(
          'quality_gates',
          qualityGates.filter((gate) => gate.blocking),
          'blocking quality gates',
          (gate) => {
            if (!gate.lastTestRunAt) return 'never evaluated on a test run';
            return daysBetween(gate.lastTestRunAt, now) > testWindowDays
              ? `last evaluated on a test run over ${testWindowDays} days ago`
              : null;
          },
        ),
    },
    {
      id: 'review.flaky-rate-within-threshold',
      level: 'gold',
      title: 'Flaky tests stay below the share each test gate accepts',
      why: 'Flaky tests teach people and agents to retry until green, and then a real failure passes as noise.',
      evaluate: ({ qualityGates }) =>
        everyRow(
          'quality_gates',
          qualityGates.filter((gate) => gate.lastTestRunAt),
          'quality gates evaluated on test runs',
          (gate) => {
            if (typeof gate.maxFlakyRate !== 'number') return 'no maximum flaky rate';
            if (typeof gate.flakyRate !== 'number') return 'flaky rate not measured';
            return gate.flakyRate > gate.maxFlakyRate
              ? `${gate.flakyRate.toFixed(1)}% flaky, above ${gate.maxFlakyRate}%`
              : null;
          },
        ),
    },
    {
      id: 'review.merged-mrs-reviewed',
      level: 'gold',
      title: 'Every merge request merged in the last 30 days had a reviewer, where a gate requires one',
      why: 'A gate that requires review proves nothing if merge requests reach the main branch unreviewed.',
      evaluate: ({ qualityGates }, { now }) =>
        everyRow(
          'quality_gates',
          qualityGates.filter((gate) => gate.requireReviewer === true),
          'quality gates that require a reviewer',
          (gate) => measuredFault(gate, now) ?? unreviewedFault(gate.unreviewedMerged),
        ),
    },
    {
      id: 'review.pickup-within-target',
      level: 'gold',
      title: 'The median pickup time of the last 30 days is within what each gate accepts',
      why: 'Work waiting for review is work not shipping; slow pickup also invites merging unreviewed.',
      evaluate: ({ qualityGates }, { now }) =>
        everyRow(
          'quality_gates',
          qualityGates.filter((gate) => typeof gate.maxPickupHours === 'number'),
          'quality gates with a pickup target',
          (gate) => {
            const stale = measuredFault(gate, now);
            if (stale) return stale;
            if (typeof gate.pickupHours !== 'number') return 'no reviewed merge request to measure';
            return typeof gate.maxPickupHours === 'number' && gate.pickupHours > gate.maxPickupHours
              ? `median pickup ${gate.pickupHours.toFixed(1)} h, above ${gate.maxPickupHours} h`
              : null;
          },
        ),
    },
    {
      id: 'review.no-open-blocking-findings',
      level: 'gold',
      title: 'No blocking review finding is open',
      why: 'A blocking finding left open means a gate was passed around instead of through.',
      evaluate: ({ reviewFindings }) =>
        everyRow(
          'review_findings',
          reviewFindings.filter((finding) => finding.disposition === 'blocks'),
          'blocking findings',
          (finding) => (finding.status === 'open' ? `open ${finding.severity} finding` : null),
        ),
    },
  ],
});
