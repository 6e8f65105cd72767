import { When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import type { GateCondition, GateEvaluation, GateOverride } from './types';

const kindLabels: Record<GateCondition['kind'], string> = {
  tests: 'Tests',
  findings: 'Findings',
  check: 'Readiness check',
};

/** Each condition of an evaluation: passed or failed, what it comes from, and why. */
export function ConditionList(props: { conditions: readonly GateCondition[]; label: string }) {
  return (
    <ul className="gate-conditions" aria-label={props.label}>
      {props.conditions.map((condition, index) => (
        <li
          // Conditions have no id; their order is the evaluation's.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
          key={index}
          className={condition.passed ? 'condition-passed' : 'condition-failed'}
        >
          <span className={condition.passed ? 'status test-status-passed' : 'status test-status-failed'}>
            {condition.passed ? 'passed' : 'failed'}
          </span>{' '}
          <strong>{condition.gateName ?? kindLabels[condition.kind]}</strong>: {condition.message}
        </li>
      ))}
    </ul>
  );
}

/** A line for an evaluation: passed, failed or overridden, towards which status, when. */
export function EvaluationVerdict(props: { evaluation: GateEvaluation }) {
  const { evaluation } = props;
  const word = evaluation.overridden ? 'Overridden' : evaluation.passed ? 'Gates passed' : 'Gates failed';
  const style = evaluation.overridden
    ? 'test-status-broken'
    : evaluation.passed
      ? 'test-status-passed'
      : 'test-status-failed';
  return (
    <>
      <span className={`status ${style}`}>{word}</span>{' '}
      <span className="muted">towards {evaluation.targetStatus.replace('_', ' ')},</span>{' '}
      <When at={evaluation.createdAt} />
    </>
  );
}

/** The override an admin made, for all to see: who, when and why. */
export function OverrideNote(props: { override: GateOverride }) {
  const nameOf = useNameOf();
  return (
    <p className="panel override-note" role="note" aria-label="Gate override">
      <strong>Gates overridden</strong> by {nameOf(props.override.by)} <When at={props.override.at} />:{' '}
      <q>{props.override.reason}</q>
    </p>
  );
}
