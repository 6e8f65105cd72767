import { useState } from 'react';
import { TextAreaField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError, splitLines } from '../../components/forms';
import { FormError, Query } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useDecisionTypes, useSaveDecisionTypes } from './rules-queries';
import { SaveActions, SettingsPage } from './settings-layout';

/** The decision types the workspace's decision records choose from. */
export function DecisionTypesSettings() {
  const settings = useDecisionTypes();
  return (
    <SettingsPage title="Decision types" intro="Every decision record has one of these types.">
      <Query query={settings} what="decision types">
        {(data) => <TypesForm types={data.decisionTypes} />}
      </Query>
    </SettingsPage>
  );
}

function TypesForm(props: { types: string[] }) {
  const administer = useCan('administer');
  const save = useSaveDecisionTypes();
  const [text, setText] = useState(props.types.join('\n'));
  const errors = fieldErrorsOf(save.error);
  const submit = () => save.mutate(splitLines(text));
  return (
    <Form onSubmit={submit} aria-label="Decision types">
      <fieldset disabled={!administer}>
        <TextAreaField
          label="Decision types (one per line)"
          name="decision-types"
          rows={8}
          value={text}
          onChange={setText}
          error={fieldError(errors, 'decisionTypes')}
          hint={props.types.length === 0 ? 'None yet: add the first one.' : undefined}
        />
        <SaveActions label="Save decision types" save={save} />
      </fieldset>
      {administer ? null : <p className="muted">Only administrators change the decision types.</p>}
      {hasGeneralError(save.error, ['decisionTypes']) ? <FormError error={save.error} /> : null}
    </Form>
  );
}
