import { useState } from 'react';
import { SelectField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import {
  type LintRule,
  type LintSettings,
  pgVersions,
  useLintRules,
  useLintSettings,
  useMigrationStrategies,
  useSaveLintSettings,
} from './queries';

/** The project's lint settings: the PostgreSQL version, the rules switched off, the default strategy. */
export function LintSettingsSection(props: { projectId: string }) {
  const settings = useLintSettings(props.projectId);
  const rules = useLintRules();
  return (
    <Section id="lint-settings" title="Lint settings">
      <Query query={settings} what="the lint settings">
        {(current) => (
          <Query query={rules} what="the rule catalogue">
            {(catalogue) => (
              // A new version (saved here or elsewhere) starts the form again from what is stored.
              <SettingsForm
                key={current.version}
                projectId={props.projectId}
                settings={current}
                rules={catalogue.data}
              />
            )}
          </Query>
        )}
      </Query>
    </Section>
  );
}

function SettingsForm(props: { projectId: string; settings: LintSettings; rules: LintRule[] }) {
  const { settings } = props;
  const canWrite = useCan('write');
  const strategies = useMigrationStrategies(props.projectId);
  const [pgVersion, setPgVersion] = useState(String(settings.pgVersion));
  const [strategyId, setStrategyId] = useState(settings.defaultStrategyId ?? '');
  const [disabled, setDisabled] = useState(() => new Set(settings.disabledRules));
  const save = useSaveLintSettings(props.projectId);
  const errors = fieldErrorsOf(save.error);
  const toggle = (id: string, off: boolean) =>
    setDisabled((current) => {
      const next = new Set(current);
      if (off) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = () =>
    save.mutate({
      pgVersion: Number(pgVersion),
      // In the catalogue's order, so that the stored list reads like the one on screen.
      disabledRules: props.rules.filter((rule) => disabled.has(rule.id)).map((rule) => rule.id),
      defaultStrategyId: strategyId || null,
      version: settings.version,
    });
  return (
    <Form onSubmit={submit} aria-label="Lint settings">
      <p className="muted">
        {settings.isDefault ? 'The defaults apply: nobody has set them for this project yet.' : 'Last saved '}
        {settings.isDefault ? null : <When at={settings.updatedAt} />}
      </p>
      <SelectField
        label="PostgreSQL version"
        name="lint-pg-version"
        hint="The version production runs: some operations are safe only from a given version."
        value={pgVersion}
        onChange={setPgVersion}
        choices={pgVersions.map((version) => ({ value: String(version), label: `PostgreSQL ${version}` }))}
        error={fieldError(errors, 'pgVersion')}
        disabled={!canWrite}
      />
      <SelectField
        label="Default migration strategy"
        name="lint-default-strategy"
        hint="Recorded runs that name no strategy record their risks against this one."
        value={strategyId}
        onChange={setStrategyId}
        none="None"
        choices={(strategies.data?.data ?? []).map((strategy) => ({
          value: strategy.id,
          label: strategy.name,
        }))}
        error={fieldError(errors, 'defaultStrategyId')}
        disabled={!canWrite}
      />
      <DisabledRules
        rules={props.rules}
        disabled={disabled}
        onToggle={toggle}
        readOnly={!canWrite}
        error={fieldError(errors, 'disabledRules')}
      />
      {hasGeneralError(save.error, ['pgVersion', 'defaultStrategyId', 'disabledRules']) ? (
        <FormError error={save.error} />
      ) : null}
      {canWrite ? (
        <button type="submit" className="primary" disabled={save.isPending}>
          Save lint settings
        </button>
      ) : null}
    </Form>
  );
}

/** Every rule of the catalogue by its title, checked when the project switches it off. */
function DisabledRules(props: {
  rules: LintRule[];
  disabled: Set<string>;
  onToggle: (id: string, off: boolean) => void;
  readOnly: boolean;
  error?: string;
}) {
  return (
    <fieldset className="rule-picker" aria-describedby={props.error ? 'disabled-rules-error' : undefined}>
      <legend>
        Disabled rules ({props.disabled.size} of {props.rules.length})
      </legend>
      <ul>
        {props.rules.map((rule) => (
          <li key={rule.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={props.disabled.has(rule.id)}
                disabled={props.readOnly}
                onChange={(event) => props.onToggle(rule.id, event.target.checked)}
              />
              <span>
                {rule.title} <span className="muted">({rule.severity})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {props.error ? (
        <small className="error" id="disabled-rules-error" role="alert">
          {props.error}
        </small>
      ) : null}
    </fieldset>
  );
}
