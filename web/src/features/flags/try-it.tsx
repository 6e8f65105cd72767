import { useState } from 'react';
import { TextAreaField } from '../../components/fields';
import { Form } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { useEvaluate } from './queries';
import { showValue } from './values';

/**
 * "Try it": a context as JSON, evaluated against the environment's live configuration (what is
 * saved, not a draft), answering the value, the variant, the reason and the rule.
 */
export function TryItSection(props: { projectId: string; flagKey: string; environment: string }) {
  const [text, setText] = useState('{\n  "userId": "user-1",\n  "properties": { "country": "NL" }\n}');
  const [parseError, setParseError] = useState<string | undefined>();
  const evaluate = useEvaluate(props.projectId, props.flagKey);
  const submit = () => {
    let context: unknown;
    try {
      context = JSON.parse(text);
    } catch (error) {
      setParseError(`Not JSON: ${(error as Error).message}`);
      return;
    }
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      setParseError('The context is a JSON object, such as {"userId": "user-1"}.');
      return;
    }
    setParseError(undefined);
    evaluate.mutate({ environment: props.environment, context: context as Record<string, unknown> });
  };
  const result = evaluate.data;
  return (
    <Section id="flag-try-it" title={`Try it in ${props.environment}`}>
      <Form onSubmit={submit} aria-label="Try it">
        <TextAreaField
          label="Evaluation context (JSON)"
          name="try-it-context"
          rows={5}
          value={text}
          onChange={setText}
          error={parseError}
          hint="userId, sessionId, remoteAddress, appName, currentTime, properties…"
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={evaluate.isPending}>
            Evaluate
          </button>
        </p>
      </Form>
      <FormError error={evaluate.error} />
      {result ? (
        <div role="status">
          <dl className="flag-evaluation" aria-label="Evaluation">
            <dt>Value</dt>
            <dd>
              <code>{showValue(result.value)}</code>
            </dd>
            <dt>Variant</dt>
            <dd>{result.variant ?? '—'}</dd>
            <dt>Reason</dt>
            <dd>
              <span className="status">{result.reason}</span>
              {result.errorCode ? ` ${result.errorCode}: ${result.errorMessage ?? ''}` : null}
            </dd>
            <dt>Rule</dt>
            <dd>
              {result.ruleId ??
                (result.failedPrerequisite ? `prerequisite ${result.failedPrerequisite} failed` : '—')}
            </dd>
          </dl>
        </div>
      ) : null}
    </Section>
  );
}
