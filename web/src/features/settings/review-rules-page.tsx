import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError, splitLines } from '../../components/forms';
import { Empty, FormError, Query } from '../../components/ui';
import { useProjectChoices } from '../projects/queries';
import { useCan } from '../session/permissions';
import { useReviewRules, useSaveReviewRules } from './rules-queries';
import { SaveActions, SettingsPage } from './settings-layout';

type Rules = NonNullable<ReturnType<typeof useReviewRules>['data']>;

/** The PRD review rules of one project, picked from the active ones. */
export function ReviewRulesSettings() {
  const projects = useProjectChoices();
  const [projectId, setProjectId] = useState('');
  const choices = (projects.data?.data ?? []).map((project) => ({ value: project.id, label: project.name }));
  const chosen = projectId || choices[0]?.value || '';
  return (
    <SettingsPage
      title="PRD review rules"
      intro="How many approvals a PRD needs, and what it must have before review."
    >
      <Query query={projects} what="projects">
        {() =>
          choices.length === 0 ? (
            <Empty>No active project has review rules yet: create a project first.</Empty>
          ) : (
            <>
              <SelectField
                label="Project"
                name="rules-project"
                choices={choices}
                value={chosen}
                onChange={setProjectId}
              />
              <RulesForm key={chosen} projectId={chosen} />
            </>
          )
        }
      </Query>
    </SettingsPage>
  );
}

function RulesForm(props: { projectId: string }) {
  const rules = useReviewRules(props.projectId);
  return (
    <Query query={rules} what="review rules">
      {(data) => <RulesEditor projectId={props.projectId} rules={data} />}
    </Query>
  );
}

function RulesEditor(props: { projectId: string; rules: Rules }) {
  const administer = useCan('administer');
  const save = useSaveReviewRules(props.projectId);
  const [approvals, setApprovals] = useState(String(props.rules.approvalsRequired));
  const [sections, setSections] = useState(props.rules.requiredSections.join('\n'));
  const [authorMayApprove, setAuthorMayApprove] = useState(props.rules.authorMayApprove);
  const [requireCleanLint, setRequireCleanLint] = useState(props.rules.requireCleanLint);
  const errors = fieldErrorsOf(save.error);
  const submit = () =>
    save.mutate({
      approvalsRequired: Number(approvals),
      authorMayApprove,
      requireCleanLint,
      requiredSections: splitLines(sections),
    });
  return (
    <Form onSubmit={submit} aria-label="PRD review rules">
      <fieldset disabled={!administer}>
        <TextField
          label="Approvals required"
          name="rules-approvals"
          type="number"
          min={0}
          value={approvals}
          onChange={setApprovals}
          error={fieldError(errors, 'approvalsRequired')}
        />
        <TextAreaField
          label="Required sections (one heading per line)"
          name="rules-sections"
          rows={5}
          value={sections}
          onChange={setSections}
          error={fieldError(errors, 'requiredSections')}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={authorMayApprove}
            onChange={(event) => setAuthorMayApprove(event.target.checked)}
          />{' '}
          The author may approve their own PRD
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={requireCleanLint}
            onChange={(event) => setRequireCleanLint(event.target.checked)}
          />{' '}
          Refuse review while lint reports problems
        </label>
        <SaveActions label="Save review rules" save={save} />
      </fieldset>
      {administer ? null : <p className="muted">Only administrators change these rules.</p>}
      {hasGeneralError(save.error, ['approvalsRequired', 'requiredSections']) ? (
        <FormError error={save.error} />
      ) : null}
    </Form>
  );
}
