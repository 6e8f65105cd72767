import { useState } from 'react';
import { Attachments } from './attachments';
import { formatDuration, shownParameters } from './format';
import type { Step } from './types';

const icons: Record<string, string> = { passed: '✓', failed: '✗', broken: '!', skipped: '–', unknown: '?' };

/** A result's status as a symbol with its name for screen readers. */
export function StatusIcon(props: { status: string }) {
  return (
    <span className={`test-icon test-status-${props.status}`} title={props.status}>
      <span aria-hidden="true">{icons[props.status] ?? '?'}</span>
      <span className="visually-hidden">{props.status}</span>
    </span>
  );
}

function allIds(steps: readonly Step[]): string[] {
  return steps.flatMap((step) =>
    step.steps.length > 0 || step.attachments.length > 0
      ? [step.id, ...allIds(step.steps)]
      : allIds(step.steps),
  );
}

/** Ids of the steps to open at first: the path to every step that did not pass. */
function failingPaths(steps: readonly Step[]): string[] {
  return steps.flatMap((step) => {
    const inner = failingPaths(step.steps);
    const failing = step.status === 'failed' || step.status === 'broken';
    return inner.length > 0 || (failing && (step.steps.length > 0 || step.attachments.length > 0))
      ? [step.id, ...inner]
      : inner;
  });
}

interface TreeContext {
  open: Set<string>;
  toggle: (id: string) => void;
  projectId: string;
  runId: string;
}

/** Set-up, steps and tear-down of a scenario as a tree: each step with children opens and closes. */
export function StepsTree(props: { steps: Step[]; projectId: string; runId: string }) {
  const [open, setOpen] = useState(() => new Set(failingPaths(props.steps)));
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const context: TreeContext = { open, toggle, projectId: props.projectId, runId: props.runId };
  return (
    <div className="test-steps">
      <div className="actions">
        <button type="button" onClick={() => setOpen(new Set(allIds(props.steps)))}>
          Expand all
        </button>
        <button type="button" onClick={() => setOpen(new Set())}>
          Collapse all
        </button>
      </div>
      <StepList steps={props.steps} context={context} />
    </div>
  );
}

function StepList(props: { steps: Step[]; context: TreeContext }) {
  return (
    <ul className="test-step-list">
      {props.steps.map((step) => (
        <StepItem key={step.id} step={step} context={props.context} />
      ))}
    </ul>
  );
}

function StepItem(props: { step: Step; context: TreeContext }) {
  const { step, context } = props;
  const hasChildren = step.steps.length > 0 || step.attachments.length > 0;
  const expanded = context.open.has(step.id);
  const label = (
    <>
      <StatusIcon status={step.status} />
      {step.kind === 'step' ? null : (
        <span className="status">{step.kind === 'before' ? 'set-up' : 'tear-down'}</span>
      )}{' '}
      <span className="test-step-name">{step.name}</span>{' '}
      <span className="muted">{formatDuration(step.durationMs)}</span>
    </>
  );
  return (
    <li className={`test-step test-step-${step.status}`}>
      {hasChildren ? (
        <button
          type="button"
          className="test-step-toggle"
          aria-expanded={expanded}
          onClick={() => context.toggle(step.id)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {label}
        </button>
      ) : (
        <div className="test-step-leaf">{label}</div>
      )}
      {shownParameters(step.parameters).length > 0 ? (
        <ul className="test-parameters" aria-label={`Parameters of ${step.name}`}>
          {shownParameters(step.parameters).map((parameter) => (
            <li key={parameter.name}>
              <code>{parameter.name}</code> = <code>{parameter.value}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {step.statusMessage && (step.status === 'failed' || step.status === 'broken') ? (
        <p className="error test-message">{step.statusMessage}</p>
      ) : null}
      {expanded ? (
        <>
          <Attachments attachments={step.attachments} projectId={context.projectId} runId={context.runId} />
          {step.steps.length > 0 ? <StepList steps={step.steps} context={context} /> : null}
        </>
      ) : null}
    </li>
  );
}
