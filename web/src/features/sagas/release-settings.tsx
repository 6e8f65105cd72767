import { useState } from 'react';
import { TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError, Query } from '../../components/ui';
import { useCan } from '../session/permissions';
import {
  useAddHost,
  useAddSecret,
  useAllowedHosts,
  useRemoveHost,
  useRemoveSecret,
  useSecrets,
} from './release-queries';

/** Where the project's release calls may go, and the secrets their headers may use. */
export function ReleaseSettings(props: { projectId: string }) {
  return (
    <div className="columns">
      <AllowedHosts projectId={props.projectId} />
      <Secrets projectId={props.projectId} />
    </div>
  );
}

function AllowedHosts(props: { projectId: string }) {
  const canWrite = useCan('write');
  const hosts = useAllowedHosts(props.projectId);
  const add = useAddHost(props.projectId);
  const remove = useRemoveHost(props.projectId);
  const [host, setHost] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(add.error);
  return (
    <Section id="release-hosts" title="Allowed hosts">
      <p className="muted">
        Release calls go only to these hosts (and never to internal addresses unless listed here).
      </p>
      <Query query={hosts} what="allowed hosts">
        {(data) =>
          data.data.length === 0 ? (
            <p className="muted">None yet: every call would be refused.</p>
          ) : (
            <ul className="plain">
              {data.data.map((row) => (
                <li key={row.id}>
                  <code>{row.host}</code> {row.note ? <span className="muted">{row.note}</span> : null}{' '}
                  {canWrite ? (
                    <button
                      type="button"
                      onClick={() => remove.mutate(row.id)}
                      aria-label={`Remove ${row.host}`}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
      <FormError error={remove.error} />
      {canWrite ? (
        <Form
          className="inline-form"
          aria-label="Allow a host"
          onSubmit={() =>
            add.mutate(
              { host: host.trim(), note },
              {
                onSuccess: () => {
                  setHost('');
                  setNote('');
                },
              },
            )
          }
        >
          <TextField
            label="Host"
            name="release-host"
            value={host}
            onChange={setHost}
            error={errors.host}
            placeholder="deploy.example.com:443"
          />
          <TextField label="Note" name="release-host-note" value={note} onChange={setNote} />
          <button type="submit" disabled={add.isPending}>
            Allow
          </button>
        </Form>
      ) : null}
      <FormError error={add.error && !errors.host ? add.error : null} />
    </Section>
  );
}

function Secrets(props: { projectId: string }) {
  const canWrite = useCan('write');
  const secrets = useSecrets(props.projectId);
  const add = useAddSecret(props.projectId);
  const remove = useRemoveSecret(props.projectId);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const errors = fieldErrorsOf(add.error);
  return (
    <Section id="release-secrets" title="Secrets">
      <p className="muted">
        Used in headers as <code>{'{{secrets.NAME}}'}</code>. Values are stored encrypted and never shown
        again.
      </p>
      <Query query={secrets} what="secrets">
        {(data) =>
          data.data.length === 0 ? (
            <p className="muted">No secret yet.</p>
          ) : (
            <ul className="plain">
              {data.data.map((row) => (
                <li key={row.id}>
                  <code>{row.name}</code> <span className="muted">••••••</span>{' '}
                  {canWrite ? (
                    <button
                      type="button"
                      onClick={() => remove.mutate(row.id)}
                      aria-label={`Delete ${row.name}`}
                    >
                      Delete
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
      <FormError error={remove.error} />
      {canWrite ? (
        <Form
          className="inline-form"
          aria-label="Add a secret"
          onSubmit={() =>
            add.mutate(
              { name: name.trim(), value },
              {
                onSuccess: () => {
                  setName('');
                  setValue('');
                },
              },
            )
          }
        >
          <TextField
            label="Name"
            name="release-secret-name"
            value={name}
            onChange={setName}
            error={errors.name}
            placeholder="DEPLOY_TOKEN"
          />
          <TextField
            label="Value"
            name="release-secret-value"
            type="password"
            autoComplete="off"
            value={value}
            onChange={setValue}
            error={errors.value}
          />
          <button type="submit" disabled={add.isPending}>
            Add secret
          </button>
        </Form>
      ) : null}
      <FormError error={add.error && !errors.name && !errors.value ? add.error : null} />
    </Section>
  );
}
