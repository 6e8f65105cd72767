import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { bindFields, SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { Page } from '../../components/layout';
import { Field, FormError, inputProps, Query } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { MemberPicker } from '../members/member-picker';
import { usePrdList } from '../prds/queries';
import { useProjectChoices } from '../projects/queries';
import { ConsideredOptionsFieldset } from './considered-options-fieldset';
import { linkedPrdIds, optionsOf, requestBody, valuesOf } from './decision-draft';
import { bodyEditable } from './lifecycle';
import { type Decision, useDecision, useDecisionSettings, useSaveDecision } from './queries';

const impactLevels = ['low', 'medium', 'high', 'critical'];

/** Creates a decision (/decisions/new) or edits one (/decisions/:id/edit). */
export function DecisionForm() {
  const params = useParams<{ id?: string }>();
  const existing = useDecision(params.id);
  return (
    <Page crumbs={<Link href="/decisions">Decisions</Link>}>
      {params.id ? (
        <Query query={existing} what="the decision">
          {(decision) => <DecisionEditor decision={decision} />}
        </Query>
      ) : (
        <DecisionEditor />
      )}
    </Page>
  );
}

function DecisionEditor(props: { decision?: Decision }) {
  const d = props.decision;
  const [, navigate] = useLocation();
  const editable = bodyEditable(d?.status);
  const [values, set] = useValues(valuesOf(d));
  const [options, setOptions] = useState(optionsOf(d));
  const [prdIds, setPrdIds] = useState(linkedPrdIds(d));
  const [qa, setQa] = useState<string[]>(d?.involvedQa ?? []);
  const settings = useDecisionSettings();
  const projects = useProjectChoices();
  const prds = usePrdList(values.projectId, { limit: 200, sort: '-updatedAt' }, Boolean(values.projectId));
  const save = useSaveDecision(d);
  const fields = fieldErrorsOf(save.error);
  const err = (path: string) => fieldError(fields, path);
  const submit = () => {
    save.mutate(requestBody(d, { values, options, qa, prdIds }), {
      onSuccess: (saved) => navigate(`/decisions/${saved.id}`),
    });
  };
  const field = bindFields({ values, set, error: save.error, prefix: 'decision', disabled: !editable });
  return (
    <Form onSubmit={submit} aria-label={d ? 'Edit decision' : 'New decision'}>
      <h1>{d ? `Edit ${d.reference}` : 'New decision'}</h1>
      {editable ? null : (
        <p className="hint">
          This decision is {d?.status}: its substance is fixed; tags and links may still change.
        </p>
      )}
      <TextField label="Title" {...field('title')} />
      <div className="filters">
        <SelectField
          label="Type"
          {...field('decisionType')}
          none="Choose…"
          choices={settings.data?.decisionTypes ?? []}
        />
        <Field label="Owner" name="decision-decisionOwnerId" error={err('decisionOwnerId')}>
          <MemberPicker
            {...inputProps('decision-decisionOwnerId', err('decisionOwnerId'))}
            value={values.decisionOwnerId}
            onChange={set('decisionOwnerId')}
            none="Nobody yet"
            disabled={!editable}
          />
        </Field>
        <TextField label="Decision date" type="date" {...field('decisionDate')} />
        <TextField label="Sprint or release" {...field('sprintRelease')} />
        <SelectField
          label="Project"
          {...field('projectId')}
          none="Workspace-wide"
          choices={(projects.data?.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
        />
      </div>
      <Field
        label="QA involved"
        name="decision-qa"
        error={err('involvedQa')}
        hint="Hold Ctrl or Cmd to choose several"
      >
        <MemberPicker
          {...inputProps('decision-qa', err('involvedQa'))}
          multiple
          value={qa}
          onChange={setQa}
          disabled={!editable}
        />
      </Field>
      <TextAreaField label="Context and problem" rows={3} {...field('context')} />
      <TextAreaField label="Decision" rows={3} {...field('decision')} />
      <TextAreaField
        label="Decision drivers"
        hint="One per line"
        rows={3}
        {...field('drivers', { path: 'decisionDrivers' })}
      />
      <ConsideredOptionsFieldset options={options} onChange={setOptions} errorOf={err} disabled={!editable} />
      <TextAreaField label="Consequences" rows={3} {...field('consequences')} />
      <TextAreaField
        label="Good consequences"
        hint="One per line"
        rows={3}
        {...field('good', { path: 'consequencesGood' })}
      />
      <TextAreaField
        label="Bad consequences"
        hint="One per line"
        rows={3}
        {...field('bad', { path: 'consequencesBad' })}
      />
      <div className="filters">
        <SelectField
          label="Impact and risk"
          {...field('impactLevel', { path: 'impactRisk' })}
          none="Not assessed"
          choices={impactLevels}
        />
        <TextField label="What could go wrong" {...field('impactText')} />
      </div>
      {/* Tags and links stay editable after the substance is fixed. */}
      <TextField label="Tags" hint="Comma-separated" {...field('tags')} disabled={false} />
      <Field
        label="Related PRDs"
        name="decision-prds"
        error={err('relatedArtifacts')}
        hint={values.projectId ? 'Hold Ctrl or Cmd to choose several' : 'Choose a project to link its PRDs'}
      >
        <select
          {...inputProps('decision-prds', err('relatedArtifacts'))}
          multiple
          value={prdIds}
          onChange={(event) => setPrdIds([...event.target.selectedOptions].map((option) => option.value))}
        >
          {(prds.data?.data ?? []).map((prd) => (
            <option key={prd.id} value={prd.id}>
              {prd.title}
            </option>
          ))}
        </select>
      </Field>
      {Object.keys(fields).length ? (
        <p className="error banner" role="alert">
          Some fields need attention.
        </p>
      ) : (
        <FormError error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {d ? 'Save decision' : 'Create decision'}
        </button>
        <Link href={d ? `/decisions/${d.id}` : '/decisions'}>Cancel</Link>
      </div>
    </Form>
  );
}
