import { useState } from 'react';
import { Link } from 'wouter';
import { SelectField, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { deliveryHrefs } from './crumbs';
import {
  useAddSource,
  useConnections,
  useDeleteSource,
  useSetSourceEnabled,
  useSources,
} from './settings-queries';
import type { Connection, Source } from './types';

/** The GitLab projects and Jira queries the project's metrics are read from. */
export function SourcesSection(props: { projectId: string }) {
  const canWrite = useCan('write');
  const sources = useSources(props.projectId);
  const connections = useConnections();
  const toggle = useSetSourceEnabled(props.projectId);
  const remove = useDeleteSource(props.projectId);
  const named = new Map((connections.data?.data ?? []).map((connection) => [connection.id, connection]));
  return (
    <Section id="delivery-sources" title="Sources">
      <Query query={sources} what="sources">
        {(data) =>
          data.data.length === 0 ? (
            <Empty>No source yet: add a GitLab project or a Jira query below.</Empty>
          ) : (
            <ListTable caption="Sources" columns={['Reads', 'Connection', 'Last sync', 'Enabled', '']}>
              {data.data.map((source) => (
                <SourceRow
                  key={source.id}
                  source={source}
                  connection={named.get(source.connectionId)}
                  canWrite={canWrite}
                  onToggle={() => toggle.mutate({ id: source.id, enabled: !source.enabled })}
                  onDelete={() => remove.mutate(source.id)}
                />
              ))}
            </ListTable>
          )
        }
      </Query>
      <FormError error={toggle.error ?? remove.error} />
      {canWrite ? <AddSource projectId={props.projectId} connections={connections.data?.data ?? []} /> : null}
    </Section>
  );
}

function SourceRow(props: {
  source: Source;
  connection: Connection | undefined;
  canWrite: boolean;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const { source } = props;
  const reads = source.gitlabProject ?? source.jql ?? '—';
  return (
    <tr>
      <td>
        <code>{reads}</code>
      </td>
      <td>
        {props.connection ? `${props.connection.name} (${props.connection.kind})` : 'Unknown connection'}
      </td>
      <td>
        {source.lastSyncAt ? (
          <>
            <When at={source.lastSyncAt} /> {source.lastSyncStatus}
          </>
        ) : (
          'Never'
        )}
      </td>
      <td>{source.enabled ? 'Yes' : 'No'}</td>
      <td className="actions">
        {props.canWrite ? (
          <>
            <button
              type="button"
              onClick={props.onToggle}
              aria-label={`${source.enabled ? 'Disable' : 'Enable'} ${reads}`}
            >
              {source.enabled ? 'Disable' : 'Enable'}
            </button>
            <button type="button" onClick={props.onDelete} aria-label={`Delete ${reads}`}>
              Delete
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function AddSource(props: { projectId: string; connections: Connection[] }) {
  const add = useAddSource(props.projectId);
  const [connectionId, setConnectionId] = useState('');
  const [reads, setReads] = useState('');
  const errors = fieldErrorsOf(add.error);
  const connection = props.connections.find((candidate) => candidate.id === connectionId);
  const isJira = connection?.kind === 'jira';
  if (props.connections.length === 0)
    return (
      <p className="muted">
        No connection yet: an administrator adds one in{' '}
        <Link href={deliveryHrefs.connections}>Settings › Delivery connections</Link>.
      </p>
    );
  const submit = () =>
    add.mutate(
      isJira
        ? { connectionId, jql: reads.trim(), enabled: true }
        : { connectionId, gitlabProject: reads.trim(), enabled: true },
      { onSuccess: () => setReads('') },
    );
  return (
    <Form className="inline-form" aria-label="Add a source" onSubmit={submit}>
      <SelectField
        label="Connection"
        name="source-connection"
        value={connectionId}
        onChange={setConnectionId}
        none="Choose a connection"
        choices={props.connections.map((choice) => ({
          value: choice.id,
          label: `${choice.name} (${choice.kind})`,
        }))}
        error={errors.connectionId}
      />
      <TextField
        label={isJira ? 'JQL' : 'GitLab project'}
        name="source-reads"
        value={reads}
        onChange={setReads}
        placeholder={isJira ? 'project = PAY' : 'group/app or 42'}
        error={isJira ? errors.jql : errors.gitlabProject}
      />
      <button type="submit" disabled={add.isPending}>
        Add source
      </button>
      <FormError
        error={add.error && !errors.connectionId && !errors.jql && !errors.gitlabProject ? add.error : null}
      />
    </Form>
  );
}
