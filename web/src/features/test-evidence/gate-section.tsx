import { useState } from 'react';
import { ApiError } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { Form } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { useEvaluateGate, useQualityGates } from './queries';
import type { GateResult } from './types';

const example = 'failures = 0, passRate >= 98%, newFailures = 0, maxDuration <= 30s';

/**
 * Judges the run by a gate: conditions typed here, or one of the plan's quality gates whose
 * threshold holds them. The verdict names every condition that failed with the actual figure.
 */
export function GateSection(props: { projectId: string; runId: string }) {
  const [conditions, setConditions] = useState('');
  const [gateId, setGateId] = useState('');
  const gates = useQualityGates(props.projectId);
  const evaluate = useEvaluateGate(props.projectId, props.runId);
  const choices = (gates.data?.data ?? []).map((gate) => ({
    value: gate.id,
    label: gate.threshold ? `${gate.name} (${gate.threshold})` : gate.name,
  }));
  const gate = gateId || conditions.trim();
  const syntax = evaluate.error instanceof ApiError && evaluate.error.status === 422 ? evaluate.error : null;
  return (
    <Section id="test-gate" title="Gate">
      <Form
        className="panel test-gate-form"
        aria-label="Evaluate a gate"
        onSubmit={() => (gate ? evaluate.mutate(gate) : undefined)}
      >
        <div className="inline-form">
          <TextField
            label="Conditions"
            name="gate-conditions"
            value={conditions}
            onChange={(value) => {
              setConditions(value);
              setGateId('');
            }}
            placeholder={example}
            spellCheck={false}
            error={syntax ? syntaxMessage(syntax) : undefined}
            hint="Metrics: failures, passRate, newFailures, flaky, maxDuration, skipped…"
          />
          {choices.length > 0 ? (
            <SelectField
              label="Or a quality gate of the plan"
              name="gate-quality-gate"
              value={gateId}
              onChange={setGateId}
              choices={choices}
              none="—"
            />
          ) : null}
        </div>
        {syntax ? null : <FormError error={evaluate.error} />}
        <button type="submit" className="primary" disabled={!gate || evaluate.isPending}>
          {evaluate.isPending ? 'Evaluating…' : 'Evaluate gate'}
        </button>
      </Form>
      {evaluate.data ? <GateVerdict result={evaluate.data} /> : null}
    </Section>
  );
}

/** The parser's message and where in the text it stopped. */
function syntaxMessage(error: ApiError): string {
  const position = error.problem.position;
  return typeof position === 'number' ? `${error.message} (at character ${position + 1})` : error.message;
}

function GateVerdict(props: { result: GateResult }) {
  const { result } = props;
  return (
    <div
      className={result.passed ? 'panel gate-verdict gate-passed' : 'panel gate-verdict gate-failed'}
      role="status"
    >
      <p>
        <strong>{result.passed ? 'Gate passed' : 'Gate failed'}</strong>: <code>{result.expression}</code>
      </p>
      {result.failures.length > 0 ? (
        <ul>
          {result.failures.map((failure) => (
            <li key={failure.condition}>
              <code>{failure.condition}</code>: {failure.message}
              <span className="muted"> (actual {failure.actual})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
