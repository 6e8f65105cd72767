import { bindFields, SelectField, TextField } from '../../components/fields';
import { Form, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useCan } from '../session/permissions';
import { SettingsPage } from '../settings/settings-layout';
import { ConnectionTestResult } from './connection-test';
import {
  type ConnectionInput,
  useAddConnection,
  useConnections,
  useDeleteConnection,
} from './settings-queries';

/** The GitLab and Jira instances the workspace reads from; administrators add, test and delete them. */
export function DeliveryConnectionsSettings() {
  const administer = useCan('administer');
  const connections = useConnections();
  const remove = useDeleteConnection();
  return (
    <SettingsPage
      title="Delivery connections"
      intro="GitLab and Jira instances the projects’ delivery sources read from. Tokens are stored encrypted and never shown again."
    >
      <Query query={connections} what="connections">
        {(data) =>
          data.data.length === 0 ? (
            <Empty>No connection yet.</Empty>
          ) : (
            <ListTable caption="Connections" columns={['Name', 'Kind', 'Base URL', 'Auth', 'Token', '']}>
              {data.data.map((connection) => (
                <tr key={connection.id}>
                  <th scope="row">{connection.name}</th>
                  <td>{connection.kind}</td>
                  <td>
                    <code>{connection.baseUrl}</code>
                  </td>
                  <td>
                    {connection.authKind}
                    {connection.email ? ` (${connection.email})` : ''}
                  </td>
                  <td>{connection.hasSecret ? 'Stored' : 'Missing'}</td>
                  <td className="actions">
                    <ConnectionTestResult connection={connection} />
                    {administer ? (
                      <button
                        type="button"
                        onClick={() => remove.mutate(connection.id)}
                        aria-label={`Delete ${connection.name}`}
                      >
                        Delete
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </ListTable>
          )
        }
      </Query>
      <FormError error={remove.error} />
      {administer ? <AddConnection /> : <p className="muted">Only administrators add connections.</p>}
    </SettingsPage>
  );
}

const empty = { kind: 'gitlab', name: '', baseUrl: '', authKind: 'token', email: '', secret: '' };

function bodyOf(values: typeof empty): ConnectionInput {
  const kind = values.kind === 'jira' ? 'jira' : 'gitlab';
  const authKind = values.authKind === 'basic' || values.authKind === 'bearer' ? values.authKind : 'token';
  return {
    kind,
    name: values.name.trim(),
    baseUrl: values.baseUrl.trim(),
    authKind,
    email: values.email.trim() || undefined,
    secret: values.secret,
    syncIntervalMinutes: 60,
  };
}

function AddConnection() {
  const add = useAddConnection();
  const [values, set] = useValues(empty);
  const field = bindFields({ values, set, error: add.error, prefix: 'connection' });
  const isJira = values.kind === 'jira';
  const chooseKind = (kind: string) => {
    set('kind')(kind);
    set('authKind')(kind === 'jira' ? 'basic' : 'token');
  };
  // The token is cleared once sent, so it never stays on screen: the API never answers it either.
  const submit = () => add.mutate(bodyOf(values), { onSettled: () => set('secret')('') });
  return (
    <Section id="add-connection" title="Add a connection">
      <Form aria-label="Add a connection" onSubmit={submit}>
        <SelectField
          label="Kind"
          {...field('kind')}
          onChange={chooseKind}
          choices={[
            { value: 'gitlab', label: 'GitLab' },
            { value: 'jira', label: 'Jira' },
          ]}
        />
        <TextField label="Name" {...field('name')} placeholder={isJira ? 'Acme Jira' : 'Company GitLab'} />
        <TextField
          label="Base URL"
          type="url"
          {...field('baseUrl')}
          placeholder={isJira ? 'https://acme.atlassian.net' : 'https://gitlab.example.com'}
        />
        <SelectField
          label="Auth"
          {...field('authKind')}
          choices={
            isJira
              ? [
                  { value: 'basic', label: 'Email and API token' },
                  { value: 'bearer', label: 'Bearer token (Jira Server / Data Center)' },
                ]
              : [{ value: 'token', label: 'Access token' }]
          }
        />
        {isJira && values.authKind === 'basic' ? (
          <TextField label="Email" type="email" {...field('email')} />
        ) : null}
        <TextField
          label="Token"
          type="password"
          autoComplete="new-password"
          hint="Stored encrypted; never shown again"
          {...field('secret')}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            Add connection
          </button>
        </p>
        {hasGeneralError(add.error, Object.keys(values)) ? <FormError error={add.error} /> : null}
      </Form>
    </Section>
  );
}
