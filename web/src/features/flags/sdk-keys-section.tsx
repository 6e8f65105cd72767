import { useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { SelectField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { ConfirmDialog } from './confirm-dialog';
import { useCreateSdkKey, useEnvironments, useRevokeSdkKey, useSdkKeys } from './queries';
import type { SdkKey } from './types';

/** The keys SDKs authenticate with: one per environment and use, revocable; the secret shows once. */
export function SdkKeysSection(props: { projectId: string }) {
  const keys = useSdkKeys(props.projectId);
  const canAdminister = useCan('administer');
  const [revoking, setRevoking] = useState<SdkKey | null>(null);
  const revoke = useRevokeSdkKey(props.projectId);
  return (
    <Section id="flag-sdk-keys" title="SDK keys">
      {canAdminister ? <NewSdkKey projectId={props.projectId} /> : null}
      <CursorList list={keys} what="SDK keys" empty={<Empty>No SDK keys yet.</Empty>}>
        {(rows) => (
          <ListTable
            caption="SDK keys"
            columns={['Name', 'Environment', 'Kind', 'Key starts', 'Last used', 'State']}
          >
            {rows.map((key) => (
              <tr key={key.id} className={key.revokedAt ? 'past' : undefined}>
                <td>{key.name}</td>
                <td>{key.environment}</td>
                <td>{key.kind}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>
                  <When at={key.lastUsedAt} />
                </td>
                <td>
                  {key.revokedAt ? (
                    <>
                      revoked <When at={key.revokedAt} />
                    </>
                  ) : canAdminister ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setRevoking(key)}
                      aria-haspopup="dialog"
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </button>
                  ) : (
                    'active'
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the SDK key ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke"
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Every SDK using it ({revoking?.environment}, {revoking?.kind}) is refused from now on. This cannot
          be undone.
        </p>
      </ConfirmDialog>
    </Section>
  );
}

function NewSdkKey(props: { projectId: string }) {
  const environments = useEnvironments(props.projectId);
  const create = useCreateSdkKey(props.projectId);
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState('');
  const [kind, setKind] = useState<'server' | 'client'>('server');
  const [copied, setCopied] = useState(false);
  const errors = fieldErrorsOf(create.error);
  const choices = (environments.data?.data ?? []).map((item) => item.key);
  const chosen = environment || choices[0] || '';
  const submit = () => {
    setCopied(false);
    create.mutate({ name: name.trim(), environment: chosen, kind }, { onSuccess: () => setName('') });
  };
  const secret = create.data?.secret;
  return (
    <>
      <Form onSubmit={submit} aria-label="New SDK key" className="inline-form">
        <TextField
          label="Key name"
          name="sdk-key-name"
          hint="What uses it"
          value={name}
          onChange={setName}
          error={fieldError(errors, 'name')}
        />
        <SelectField
          label="Environment"
          name="sdk-key-environment"
          value={chosen}
          onChange={setEnvironment}
          choices={choices}
          error={fieldError(errors, 'environment')}
        />
        <SelectField
          label="Kind"
          name="sdk-key-kind"
          value={kind}
          onChange={(value) => setKind(value === 'client' ? 'client' : 'server')}
          choices={[
            { value: 'server', label: 'server (reads rules)' },
            { value: 'client', label: 'client (evaluates only)' },
          ]}
          error={fieldError(errors, 'kind')}
        />
        <button type="submit" className="primary" disabled={create.isPending}>
          Create SDK key
        </button>
      </Form>
      {hasGeneralError(create.error, ['name', 'environment', 'kind']) ? (
        <FormError error={create.error} />
      ) : null}
      {secret ? (
        <div className="banner flag-secret" role="alert">
          <p>
            <strong>Copy this key now: it is shown only once.</strong> Store it where the SDK reads its
            secrets.
          </p>
          <p className="actions">
            <code>{secret}</code>
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
            >
              Copy key
            </button>
            {copied ? <span role="status">Copied.</span> : null}
          </p>
        </div>
      ) : null}
    </>
  );
}
