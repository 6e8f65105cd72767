import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Field, FormError, inputProps } from '../components/ui';

/** Joins a workspace with the token of an invitation link (/accept-invitation#token=…). */
export function AcceptInvitation(props: { onDone: () => void }) {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      call('post', '/api/v1/invitations/accept', {
        body: { token, password, ...(displayName ? { displayName } : {}) },
      }),
  });
  const fields = fieldErrorsOf(accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  if (accept.data) {
    return (
      <main className="sign-in">
        <h1>Welcome to {accept.data.workspace.name}</h1>
        <p>
          You joined as {accept.data.role}. Sign in with {accept.data.user.email}.
        </p>
        <button type="button" className="primary" onClick={props.onDone}>
          Go to sign-in
        </button>
      </main>
    );
  }
  return (
    <main className="sign-in">
      <h1>Accept your invitation</h1>
      {token ? null : <p className="error">This link has no invitation token; ask for a new invitation.</p>}
      <form onSubmit={submit} noValidate>
        <Field
          label="Your name"
          name="accept-name"
          error={fieldError(fields, 'displayName')}
          hint="Leave empty if you already have an account"
        >
          <input
            {...inputProps('accept-name', fieldError(fields, 'displayName'))}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </Field>
        <Field
          label="Password"
          name="accept-password"
          error={fieldError(fields, 'password')}
          hint="At least 12 characters"
        >
          <input
            {...inputProps('accept-password', fieldError(fields, 'password'))}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        {fields.password || fields.displayName ? null : <FormError error={accept.error} />}
        <button type="submit" className="primary" disabled={accept.isPending || !token}>
          Join
        </button>
      </form>
    </main>
  );
}
