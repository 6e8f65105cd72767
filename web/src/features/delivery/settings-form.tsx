import { bindFields, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError, splitLines } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError, Query } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCan } from '../session/permissions';
import { SaveActions } from '../settings/settings-layout';
import { useDeliverySettings, useSaveDeliverySettings } from './settings-queries';
import type { DeliverySettings } from './types';

/** Which statuses, issue types and environments mean what, the pickup target and how long history is kept. */
export function SettingsSection(props: { projectId: string }) {
  const settings = useDeliverySettings(props.projectId);
  return (
    <Section id="delivery-settings" title="How metrics are read">
      <Query query={settings} what="the delivery settings">
        {(data) => <SettingsForm projectId={props.projectId} settings={data} />}
      </Query>
    </Section>
  );
}

const lines = (values: readonly string[]) => values.join('\n');
/** An empty number field means "none" (null); anything else is sent as typed for the API to check. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function SettingsForm(props: { projectId: string; settings: DeliverySettings }) {
  const canWrite = useCan('write');
  const save = useSaveDeliverySettings(props.projectId);
  const { settings } = props;
  const [values, set] = useValues({
    inProgressStatuses: lines(settings.inProgressStatuses),
    doneStatuses: lines(settings.doneStatuses),
    incidentIssueTypes: lines(settings.incidentIssueTypes),
    productionEnvironments: lines(settings.productionEnvironments),
    pickupTargetHours: settings.pickupTargetHours === null ? '' : String(settings.pickupTargetHours),
    historyRetentionDays: settings.historyRetentionDays === null ? '' : String(settings.historyRetentionDays),
  });
  const field = bindFields({ values, set, error: save.error, prefix: 'delivery', disabled: !canWrite });
  const submit = () =>
    save.mutate({
      inProgressStatuses: splitLines(values.inProgressStatuses),
      doneStatuses: splitLines(values.doneStatuses),
      incidentIssueTypes: splitLines(values.incidentIssueTypes),
      productionEnvironments: splitLines(values.productionEnvironments),
      pickupTargetHours: numberOrNull(values.pickupTargetHours),
      historyRetentionDays: numberOrNull(values.historyRetentionDays),
    });
  return (
    <Form onSubmit={submit} aria-label="Delivery settings">
      <fieldset disabled={!canWrite}>
        <div className="columns">
          <TextAreaField
            label="Jira statuses of work started"
            hint="One a line"
            rows={3}
            {...field('inProgressStatuses')}
          />
          <TextAreaField
            label="Jira statuses of done"
            hint="One a line"
            rows={3}
            {...field('doneStatuses')}
          />
          <TextAreaField
            label="Incident issue types"
            hint="Jira issue types that are production incidents; one a line"
            rows={2}
            {...field('incidentIssueTypes')}
          />
          <TextAreaField
            label="Production environments"
            hint="GitLab environment names; one a line"
            rows={2}
            {...field('productionEnvironments')}
          />
        </div>
        <TextField
          label="Pickup target (hours)"
          hint="The median time to a first review you aim for; empty for none"
          type="number"
          min={1}
          {...field('pickupTargetHours')}
        />
        <TextField
          label="History retention (days)"
          hint="Jira changes older than this move to the archive; empty keeps them"
          type="number"
          min={30}
          {...field('historyRetentionDays')}
        />
        <SaveActions label="Save settings" save={save} />
      </fieldset>
      {canWrite ? null : <p className="muted">Only members who write change these settings.</p>}
      {hasGeneralError(save.error, Object.keys(values)) ? <FormError error={save.error} /> : null}
    </Form>
  );
}
