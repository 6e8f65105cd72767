import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { fieldError, fieldErrorsOf, hasGeneralError } from '../components/forms';
import { Empty, Field, FormError, inputProps, Query, Status, When } from '../components/ui';
import { useCan } from '../people';
import { useMe } from '../session';

const roles = ['owner', 'admin', 'editor', 'reviewer', 'viewer'] as const;
type Role = (typeof roles)[number];

/** Members and roles, invitations, API tokens (secret shown once) and agents. */
export function Settings() {
  const administer = useCan('administer');
  return (
    <main className="page">
      <h1>Settings</h1>
      <Members administer={administer} />
      {administer ? <Invitations /> : null}
      <Tokens administer={administer} />
      <Agents administer={administer} />
    </main>
  );
}

function Members(props: { administer: boolean }) {
  const client = useQueryClient();
  const me = useMe();
  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => call('get', '/api/v1/members', { query: { limit: 200 } }),
  });
  const change = useMutation({
    mutationFn: (input: { userId: string; role: Role }) =>
      call('patch', '/api/v1/members/{userId}', {
        params: { userId: input.userId },
        body: { role: input.role },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call('delete', '/api/v1/members/{userId}', { params: { userId } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <FormError error={change.error ?? remove.error} />
      <Query query={members} what="members">
        {(page) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {props.administer ? <th scope="col">Remove</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.data
                .filter((member) => member.user.kind !== 'agent')
                .map((member) => (
                  <tr key={member.user.id}>
                    <td>{member.user.displayName}</td>
                    <td>{member.user.email}</td>
                    <td>
                      {props.administer && member.user.id !== me.data?.user.id ? (
                        <select
                          aria-label={`Role of ${member.user.displayName}`}
                          value={member.role}
                          onChange={(event) =>
                            change.mutate({ userId: member.user.id, role: event.target.value as Role })
                          }
                        >
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {role}
                            </option>
                          ))}
                        </select>
                      ) : (
                        member.role
                      )}
                    </td>
                    <td>
                      <When at={member.joinedAt} />
                    </td>
                    {props.administer ? (
                      <td>
                        {member.user.id !== me.data?.user.id ? (
                          <button
                            type="button"
                            className="danger"
                            onClick={() => {
                              if (window.confirm(`Remove ${member.user.displayName} from the workspace?`))
                                remove.mutate(member.user.id);
                            }}
                          >
                            Remove
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </Query>
    </section>
  );
}

function Invitations() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => call('get', '/api/v1/invitations', { query: { limit: 200 } }),
  });
  const invite = useMutation({
    mutationFn: () => call('post', '/api/v1/invitations', { body: { email, role } }),
    onSuccess: () => {
      setEmail('');
      void client.invalidateQueries({ queryKey: ['invitations'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call('delete', '/api/v1/invitations/{id}', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['invitations'] }),
  });
  const fields = fieldErrorsOf(invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const link = invite.data
    ? `${window.location.origin}/accept-invitation#token=${encodeURIComponent(invite.data.token)}`
    : '';
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Invite a member">
        <Field label="Email" name="invite-email" error={fieldError(fields, 'email')}>
          <input
            {...inputProps('invite-email', fieldError(fields, 'email'))}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Role" name="invite-role" error={fieldError(fields, 'role')}>
          <select
            {...inputProps('invite-role')}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {roles.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary" disabled={invite.isPending}>
          Invite
        </button>
      </form>
      {hasGeneralError(invite.error, ['email', 'role']) ? <FormError error={invite.error} /> : null}
      {invite.data ? (
        <div className="panel" role="status">
          <p>
            Send this link to {invite.data.email}. It is shown only now and expires{' '}
            <When at={invite.data.expiresAt} />:
          </p>
          <p className="secret">{link}</p>
        </div>
      ) : null}
      <FormError error={revoke.error} />
      <Query query={invitations} what="invitations">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No invitations.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} as {invitation.role} <Status value={invitation.status} /> expires{' '}
                  <When at={invitation.expiresAt} />{' '}
                  {invitation.status === 'pending' ? (
                    <button type="button" onClick={() => revoke.mutate(invitation.id)}>
                      Revoke
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}

function Tokens(props: { administer: boolean }) {
  const client = useQueryClient();
  const [owner, setOwner] = useState('');
  const agents = useQuery({
    queryKey: ['agents'],
    queryFn: () => call('get', '/api/v1/agents', { query: { limit: 200 } }),
    enabled: props.administer,
  });
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [expiresAt, setExpiresAt] = useState('');
  const tokens = useQuery({
    queryKey: ['tokens', owner],
    queryFn: () => call('get', '/api/v1/tokens', { query: { limit: 200, userId: owner || undefined } }),
  });
  const create = useMutation({
    mutationFn: () =>
      call('post', '/api/v1/tokens', {
        body: {
          name,
          readOnly,
          ...(owner ? { userId: owner } : {}),
          ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59`).toISOString() } : {}),
        } as { name: string; readOnly: boolean },
      }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call('delete', '/api/v1/tokens/{id}', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
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
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Create a token">
        <Field label="Token name" name="token-name" error={fieldError(fields, 'name')}>
          <input
            {...inputProps('token-name', fieldError(fields, 'name'))}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field label="Expires on (optional)" name="token-expires" error={fieldError(fields, 'expiresAt')}>
          <input
            {...inputProps('token-expires', fieldError(fields, 'expiresAt'))}
            type="date"
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.target.value)}
          />
        </Field>
        <label className="check">
          <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />{' '}
          Read-only
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
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
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Access</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          )
        }
      </Query>
    </section>
  );
}

function Agents(props: { administer: boolean }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const agents = useQuery({
    queryKey: ['agents'],
    queryFn: () => call('get', '/api/v1/agents', { query: { limit: 200 } }),
  });
  const create = useMutation({
    mutationFn: () => call('post', '/api/v1/agents', { body: { name } }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['agents'] });
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="agents-heading">
      <h2 id="agents-heading">Agents</h2>
      {props.administer ? (
        <form className="inline-form" onSubmit={submit} noValidate aria-label="Add an agent">
          <Field label="Agent name" name="agent-name" error={fieldError(fields, 'name')}>
            <input
              {...inputProps('agent-name', fieldError(fields, 'name'))}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </Field>
          <button type="submit" disabled={create.isPending}>
            Add agent
          </button>
          {fields.name ? null : <FormError error={create.error} />}
        </form>
      ) : null}
      <Query query={agents} what="agents">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No agents. Agents act through API tokens an admin creates for them.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((agent) => (
                <li key={agent.user.id}>
                  {agent.user.displayName} <span className="muted">{agent.role}</span> added{' '}
                  <When at={agent.joinedAt} />
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}
