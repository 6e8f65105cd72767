import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { FormError, When } from '../../components/ui';
import { type ConfigBody, useSaveConfig } from './queries';
import { RulesEditor } from './rules-editor';
import type { FlagConfig, FlagValueType, Segment } from './types';
import { ValueInput } from './value-input';
import { cleanConstraints } from './values';
import { VariantsEditor } from './variants-editor';

/** Paths the editor shows next to a field; any other message shows as a banner. */
const shownPaths = ['rules', 'variants', 'defaultValue'];

/**
 * One environment's configuration as a draft: its rules, variants and default value, saved as a
 * whole against the version it was read at. When someone saved in between, the API answers 412
 * and the editor offers to load theirs (the draft is then lost, as the reader chose).
 */
export function ConfigEditor(props: {
  projectId: string;
  flagKey: string;
  type: FlagValueType;
  config: FlagConfig;
  segments: Segment[];
  canWrite: boolean;
  onReload: () => void;
}) {
  const { config } = props;
  const [draft, setDraft] = useState<ConfigBody>(() => ({
    enabled: config.enabled,
    rules: config.rules,
    variants: config.variants,
    defaultValue: config.defaultValue,
  }));
  const [saved, setSaved] = useState(false);
  const save = useSaveConfig(props.projectId, props.flagKey);
  const errors = fieldErrorsOf(save.error);
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const id = `config-${config.environment}`;
  const change = (part: Partial<ConfigBody>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...part }));
  };
  const submit = () =>
    save.mutate(
      {
        environment: config.environment,
        version: config.version,
        body: {
          ...draft,
          // The switch above turns the flag on or off; saving the rules keeps what it set.
          enabled: config.enabled,
          rules: draft.rules.map((rule) => ({ ...rule, constraints: cleanConstraints(rule.constraints) })),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  return (
    <Form onSubmit={submit} aria-label={`Rules in ${config.environment}`} className="flag-config">
      <p className="muted">
        Version {config.version}
        {config.updatedAt ? (
          <>
            , saved <When at={config.updatedAt} />
          </>
        ) : null}
        . {config.enabled ? 'On' : 'Off'} here; the switch above turns it on or off.
      </p>
      <h3>Rules</h3>
      <RulesEditor
        id={id}
        type={props.type}
        rules={draft.rules}
        segments={props.segments}
        onChange={(rules) => change({ rules })}
        errors={errors}
        disabled={!props.canWrite}
      />
      <VariantsEditor
        id={`${id}-variants`}
        legend="Flag variants"
        type={props.type}
        variants={draft.variants}
        onChange={(variants) => change({ variants })}
        errors={errors}
        path="variants"
        disabled={!props.canWrite}
      />
      <ValueInput
        id={`${id}-default`}
        label="Default value (off, unmatched, or a prerequisite failed)"
        type={props.type}
        value={draft.defaultValue}
        onChange={(defaultValue) => change({ defaultValue })}
        error={fieldError(errors, 'defaultValue')}
        disabled={!props.canWrite}
      />
      {stale ? (
        <div className="banner" role="alert">
          <p>
            Someone else changed {config.environment} since you opened it. Load their version to continue
            (your changes here are dropped).
          </p>
          <button type="button" onClick={props.onReload}>
            Load the latest version
          </button>
        </div>
      ) : Object.keys(errors).some((path) => !shownPaths.some((shown) => path.startsWith(shown))) ||
        (save.error && Object.keys(errors).length === 0) ? (
        <FormError error={save.error} />
      ) : Object.keys(errors).length ? (
        <p className="error banner" role="alert">
          {save.error instanceof Error ? save.error.message : 'Not saved.'} See the messages next to the
          fields.
        </p>
      ) : null}
      {props.canWrite ? (
        <p className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save {config.environment}
          </button>
          {saved && !save.isPending ? (
            <span className="flag-saved" role="status">
              Saved.
            </span>
          ) : null}
        </p>
      ) : null}
    </Form>
  );
}
