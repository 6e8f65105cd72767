import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf, SubmitOrCancel } from '../../components/forms';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, When } from '../../components/ui';
import { ProjectCrumbs } from '../projects/project-crumbs';
import { useCan } from '../session/permissions';
import { sagaHrefs } from './crumbs';
import { DefinitionErrors } from './definition-errors';
import { parseJsonOrYaml, useCreateWorkflow, useWorkflows, type WorkflowCreate } from './release-queries';
import { ReleaseSettings } from './release-settings';

/** A project's release workflows, a way to define one (from the template or as JSON), its hosts and secrets. */
export function WorkflowsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const canWrite = useCan('write');
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const workflows = useWorkflows(projectId);
  return (
    <Page crumbs={<ProjectCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Release workflows</h1>
        <div className="actions">
          <Link href={sagaHrefs.project(projectId)}>Runs</Link>
          {canWrite ? (
            <button
              type="button"
              className="primary"
              onClick={() => setCreating(!creating)}
              aria-expanded={creating}
            >
              New workflow
            </button>
          ) : null}
        </div>
      </div>
      {creating ? (
        <section className="panel" aria-label="New release workflow">
          <NewWorkflowForm
            projectId={projectId}
            onDone={(key) => navigate(sagaHrefs.workflow(projectId, key))}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      <CursorList
        list={workflows}
        what="release workflows"
        empty={
          <Empty>No release workflow yet. Start from the deploy-waves template or paste a definition.</Empty>
        }
      >
        {(rows) => (
          <ListTable columns={['Workflow', 'Key', 'Steps', 'Version', 'Changed']} caption="Release workflows">
            {rows.map((workflow) => (
              <tr key={workflow.id}>
                <td>
                  <Link href={sagaHrefs.workflow(projectId, workflow.key)}>{workflow.name}</Link>
                </td>
                <td>
                  <code>{workflow.key}</code>
                </td>
                <td>{stepCount(workflow.definition)}</td>
                <td>{workflow.version}</td>
                <td>
                  <When at={workflow.updatedAt} />
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
      <ReleaseSettings projectId={projectId} />
    </Page>
  );
}

function stepCount(definition: Record<string, unknown>): number {
  return Array.isArray(definition.steps) ? definition.steps.length : 0;
}

const exampleDefinition = `{
  "inputs": { "version": { "required": true } },
  "steps": [
    { "name": "deploy", "kind": "http", "url": "https://deploy.example.com/hooks/deploy",
      "body": { "version": "{{inputs.version}}" },
      "compensate": { "url": "https://deploy.example.com/hooks/rollback" } },
    { "name": "approve", "kind": "approval", "role": "admin", "prompt": "Ship {{inputs.version}}?" }
  ]
}`;

const sources = [
  { value: 'template', label: 'The deploy-waves template' },
  { value: 'json', label: 'A definition (JSON or YAML)' },
];

function NewWorkflowForm(props: { projectId: string; onDone: (key: string) => void; onCancel: () => void }) {
  const create = useCreateWorkflow(props.projectId);
  const [values, setValues] = useState({
    key: '',
    name: '',
    description: '',
    source: 'template',
    waves: 'api, web',
    definition: '',
  });
  const set = (name: keyof typeof values) => (value: string) => setValues({ ...values, [name]: value });
  const errors = fieldErrorsOf(create.error);
  const submit = () => {
    const body: WorkflowCreate =
      values.source === 'template'
        ? {
            key: values.key.trim(),
            name: values.name.trim(),
            description: values.description,
            template: 'deploy-waves',
            templateOptions: {
              waves: values.waves
                .split(',')
                .map((wave) => wave.trim())
                .filter(Boolean),
              level: 'bronze',
              approverRole: 'admin',
            },
          }
        : {
            key: values.key.trim(),
            name: values.name.trim(),
            description: values.description,
            definition: parseJsonOrYaml(values.definition),
          };
    create.mutate(body, { onSuccess: (workflow) => props.onDone(workflow.key) });
  };
  return (
    <Form className="stacked-form" aria-label="New release workflow" onSubmit={submit}>
      <TextField
        label="Name"
        name="workflow-name"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label="Key"
        name="workflow-key"
        value={values.key}
        onChange={set('key')}
        error={errors.key}
        hint="Lower-case letters, digits and dashes: how the CLI names it"
      />
      <TextField
        label="Description"
        name="workflow-description"
        value={values.description}
        onChange={set('description')}
        error={errors.description}
      />
      <SelectField
        label="Start from"
        name="workflow-source"
        value={values.source}
        onChange={set('source')}
        choices={sources}
      />
      {values.source === 'template' ? (
        <TextField
          label="Waves"
          name="workflow-waves"
          value={values.waves}
          onChange={set('waves')}
          hint="The repositories to deploy, in order, separated by commas; an admin approves, the project must be bronze"
        />
      ) : (
        <TextAreaField
          label="Definition"
          name="workflow-definition"
          className="code"
          rows={14}
          value={values.definition}
          onChange={set('definition')}
          placeholder={exampleDefinition}
        />
      )}
      <DefinitionErrors error={create.error} />
      <FormError error={create.error && Object.keys(errors).length === 0 ? create.error : null} />
      <SubmitOrCancel label="Create workflow" pending={create.isPending} onCancel={props.onCancel} />
    </Form>
  );
}
