import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { TextAreaField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf, SubmitOrCancel } from '../../components/forms';
import { Page, Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { useCan } from '../session/permissions';
import { sagaHrefs, WorkflowCrumbs } from './crumbs';
import { DefinitionErrors } from './definition-errors';
import { useRunWorkflow, useUpdateWorkflow, useWorkflow, useWorkflowVersions } from './release-queries';
import type { ReleaseWorkflow } from './types';

/** One release workflow: what it does, the run button (with its inputs), its definition and versions. */
export function WorkflowPage() {
  const { projectId, key } = useParams<{ projectId: string; key: string }>();
  const workflow = useWorkflow(projectId, key);
  return (
    <Page crumbs={<WorkflowCrumbs projectId={projectId} workflow={workflow.data} />}>
      <Query query={workflow} what="the release workflow">
        {(data) => <WorkflowView projectId={projectId} workflow={data} />}
      </Query>
    </Page>
  );
}

function WorkflowView(props: { projectId: string; workflow: ReleaseWorkflow }) {
  const { workflow, projectId } = props;
  const canWrite = useCan('write');
  const [editing, setEditing] = useState(false);
  const definitionText = JSON.stringify(workflow.definition, null, 2);
  return (
    <>
      <div className="title-row">
        <h1>
          {workflow.name} <span className="muted">{workflow.key}</span>
        </h1>
        <div className="actions">
          <Link href={sagaHrefs.project(projectId)}>Runs</Link>
          <Link href={`/audit/release_workflow/${workflow.id}`}>History</Link>
        </div>
      </div>
      {workflow.description ? <p className="description">{workflow.description}</p> : null}
      {canWrite ? <RunForm projectId={projectId} workflow={workflow} /> : null}
      <Section id="workflow-steps" title="Steps">
        <ol className="workflow-steps">
          {stepsOf(workflow.definition).map((step) => (
            <li key={step.name}>
              <strong>{step.title ?? step.name}</strong> <code>{step.kind}</code>
              {step.compensated ? <span className="muted"> · undone on failure</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section id="workflow-definition" title={`Definition (version ${workflow.version})`}>
        {canWrite ? (
          <p className="actions">
            <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              Edit definition
            </button>
          </p>
        ) : null}
        {editing ? (
          <DefinitionForm
            projectId={projectId}
            workflow={workflow}
            initial={definitionText}
            onDone={() => setEditing(false)}
          />
        ) : (
          <pre className="workflow-definition">{definitionText}</pre>
        )}
      </Section>
      <Versions projectId={projectId} workflowKey={workflow.key} />
    </>
  );
}

interface StepSummary {
  name: string;
  title?: string;
  kind: string;
  compensated: boolean;
}

/** The definition's steps as the page lists them; anything unreadable is skipped (the server validated it). */
function stepsOf(definition: Record<string, unknown>): StepSummary[] {
  const steps = Array.isArray(definition.steps) ? definition.steps : [];
  return steps.flatMap((step: unknown) => {
    if (typeof step !== 'object' || step === null || !('name' in step) || !('kind' in step)) return [];
    const title = 'title' in step && typeof step.title === 'string' ? step.title : undefined;
    const compensated = ('compensate' in step && Boolean(step.compensate)) || step.kind === 'flag_rollout';
    return [{ name: String(step.name), kind: String(step.kind), title, compensated }];
  });
}

interface InputSpec {
  name: string;
  description: string;
  defaultValue: string;
  required: boolean;
}

function inputsOf(definition: Record<string, unknown>): InputSpec[] {
  const inputs = definition.inputs;
  if (typeof inputs !== 'object' || inputs === null) return [];
  const specs = Object.entries(inputs).map(([name, spec]: [string, unknown]) => {
    const read = (field: string) =>
      typeof spec === 'object' && spec !== null && field in spec ? Reflect.get(spec, field) : undefined;
    const description = read('description');
    const fallback = read('default');
    return {
      name,
      description: typeof description === 'string' ? description : '',
      defaultValue: typeof fallback === 'string' ? fallback : '',
      required: read('required') === true,
    };
  });
  // Required inputs first, then by name: the stored definition keeps no order of its own.
  return specs.sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name));
}

/** Run: the workflow's inputs (when it declares some) and the button; the new run's timeline opens. */
function RunForm(props: { projectId: string; workflow: ReleaseWorkflow }) {
  const [, navigate] = useLocation();
  const run = useRunWorkflow(props.projectId, props.workflow.key);
  const specs = inputsOf(props.workflow.definition);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(specs.map((spec) => [spec.name, spec.defaultValue])),
  );
  const errors = fieldErrorsOf(run.error);
  const submit = () => {
    const inputs = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
    run.mutate(inputs, { onSuccess: (sagaId) => navigate(sagaHrefs.saga(sagaId)) });
  };
  return (
    <Section id="workflow-run" title="Run">
      <Form className="stacked-form run-form" aria-label="Run the workflow" onSubmit={submit}>
        {specs.map((spec) => (
          <TextField
            key={spec.name}
            label={`${spec.name}${spec.required ? ' (required)' : ''}`}
            name={`run-input-${spec.name}`}
            hint={spec.description || undefined}
            value={values[spec.name] ?? ''}
            onChange={(value) => setValues({ ...values, [spec.name]: value })}
            error={errors[`inputs.${spec.name}`]}
          />
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={run.isPending}>
            Run {props.workflow.name}
          </button>
        </div>
        <FormError error={run.error && Object.keys(errors).length === 0 ? run.error : null} />
      </Form>
    </Section>
  );
}

function DefinitionForm(props: {
  projectId: string;
  workflow: ReleaseWorkflow;
  initial: string;
  onDone: () => void;
}) {
  const update = useUpdateWorkflow(props.projectId, props.workflow);
  const [text, setText] = useState(props.initial);
  const hasPaths = Object.keys(fieldErrorsOf(update.error)).length > 0;
  return (
    <Form
      className="stacked-form"
      aria-label="Edit the definition"
      onSubmit={() => update.mutate(text, { onSuccess: props.onDone })}
    >
      <TextAreaField
        label="Definition (JSON or YAML)"
        name="workflow-definition-edit"
        rows={18}
        value={text}
        onChange={setText}
      />
      <DefinitionErrors error={update.error} />
      <FormError error={update.error && !hasPaths ? update.error : null} />
      <SubmitOrCancel label="Save as a new version" pending={update.isPending} onCancel={props.onDone} />
    </Form>
  );
}

function Versions(props: { projectId: string; workflowKey: string }) {
  const versions = useWorkflowVersions(props.projectId, props.workflowKey);
  const nameOf = useNameOf();
  return (
    <Section id="workflow-versions" title="Versions">
      <CursorList list={versions} what="versions" empty={<Empty>No version.</Empty>}>
        {(rows) => (
          <ListTable columns={['Version', 'Steps', 'Saved by', 'Saved']} caption="Versions">
            {rows.map((version) => (
              <tr key={version.id}>
                <td>{version.workflowVersion}</td>
                <td>
                  {stepsOf(version.definition)
                    .map((step) => step.name)
                    .join(', ')}
                </td>
                <td>{nameOf(version.createdBy)}</td>
                <td>
                  <When at={version.createdAt} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Section>
  );
}
