import { useState } from 'react';
import { bindFields, TextField } from '../../components/fields';
import { Form, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useAgents, useCreateToken, useRevokeToken, useTokens } from './queries';

/** API tokens: the member's own, or (for an administrator) an agent's; a new secret is shown once. */
export function TokensSection(props: { administer: boolean }) {
  const [owner, setOwner] = useState('');
  const [values, set] = useValues({ name: '', expiresAt: '' });
  const [readOnly, setReadOnly] = useState(false);
  const agents = useAgents(props.administer);
  const tokens = useTokens(owner);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const submit = () => {
    const { name, expiresAt } = values;
    create.mutate(
      {
        name,
        readOnly,
        ...(owner ? { userId: owner } : {}),
        ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59`).toISOString() } : {}),
      },
      { onSuccess: () => set('name')('') },
    );
  };
  const field = bindFields({ values, set, error: create.error, prefix: 'token' });
  return (
    <Section id="tokens" title="API tokens">
      {props.administer && (agents.data?.data.length ?? 0) > 0 ? (
        <label className="check">
          Tokens of{' '}
          <select value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value="">you</option>
            {(agents.data?.data ?? []).map((agent) => (
              <option key={agent.user.id} value={agent.user.id}>
                {agent.user.displayName} (agent)
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Form className="inline-form" onSubmit={submit} aria-label="Create a token">
        <TextField label="Token name" {...field('name')} />
        <TextField
          label="Expires on (optional)"
          type="date"
          {...field('expiresAt', { id: 'token-expires' })}
        />
        <label className="check">
          <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />{' '}
          Read-only
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create token
        </button>
      </Form>
      {hasGeneralError(create.error, ['name', 'expiresAt']) ? <FormError error={create.error} /> : null}
      {create.data ? (
        <div className="panel" role="status">
          <p>Copy the token now: it is shown only once.</p>
          <p className="secret">{create.data.secret}</p>
          <button type="button" onClick={() => create.reset()}>
            I have copied it
          </button>
        </div>
      ) : null}
      <FormError error={revoke.error} />
      <Query query={tokens} what="tokens">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No tokens.</Empty>
          ) : (
            <ListTable columns={['Name', 'Starts with', 'Access', 'Last used', 'Expires', 'State']}>
              {page.data.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.readOnly ? 'read-only' : 'read and write'}</td>
                  <td>
                    <When at={token.lastUsedAt} />
                  </td>
                  <td>
                    <When at={token.expiresAt} />
                  </td>
                  <td>
                    {token.revokedAt ? (
                      'revoked'
                    ) : (
                      <button type="button" onClick={() => revoke.mutate(token.id)}>
                        Revoke {token.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </ListTable>
          )
        }
      </Query>
    </Section>
  );
}
