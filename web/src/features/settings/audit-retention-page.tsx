import { useState } from 'react';
import { TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { FormError, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useAuditRetention, useSaveAuditRetention } from './rules-queries';
import { SaveActions, SettingsPage } from './settings-layout';

type Policy = NonNullable<ReturnType<typeof useAuditRetention>['data']>;

/** How long access-log entries stay in the recent log, then in the archive before they are purged. */
export function AuditRetentionSettings() {
  const policy = useAuditRetention();
  return (
    <SettingsPage
      title="Audit retention"
      intro="Access-log entries stay in the recent log, then in the archive, then are purged. The audit trail of changes is kept."
    >
      <Query query={policy} what="the retention policy">
        {(data) => <RetentionForm policy={data} />}
      </Query>
    </SettingsPage>
  );
}

function RetentionForm(props: { policy: Policy }) {
  const administer = useCan('administer');
  const save = useSaveAuditRetention();
  const [hotDays, setHotDays] = useState(String(props.policy.hotDays));
  const [archiveDays, setArchiveDays] = useState(String(props.policy.archiveDays));
  const errors = fieldErrorsOf(save.error);
  const current = save.data ?? props.policy;
  return (
    <Form
      onSubmit={() => save.mutate({ hotDays: Number(hotDays), archiveDays: Number(archiveDays) })}
      aria-label="Audit retention"
    >
      <p className="muted">
        {current.isDefault ? (
          'The defaults apply.'
        ) : (
          <>
            Set <When at={current.updatedAt} />.
          </>
        )}
      </p>
      <fieldset disabled={!administer}>
        <TextField
          label="Days in the recent log"
          name="retention-hot"
          type="number"
          min={1}
          value={hotDays}
          onChange={setHotDays}
          error={fieldError(errors, 'hotDays')}
        />
        <TextField
          label="Days in the archive"
          name="retention-archive"
          type="number"
          min={0}
          value={archiveDays}
          onChange={setArchiveDays}
          error={fieldError(errors, 'archiveDays')}
        />
        <SaveActions label="Save retention" save={save} />
      </fieldset>
      {administer ? null : <p className="muted">Only administrators change the retention.</p>}
      {hasGeneralError(save.error, ['hotDays', 'archiveDays']) ? <FormError error={save.error} /> : null}
    </Form>
  );
}
