import { bindFields, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useAcceptInvitation } from './queries';

/** Joins a workspace with the token of an invitation link (/accept-invitation#token=…). */
export function AcceptInvitation(props: { onDone: () => void }) {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [values, set] = useValues({ displayName: '', password: '' });
  const accept = useAcceptInvitation();
  const fields = fieldErrorsOf(accept.error);
  const submit = () => {
    const { displayName, password } = values;
    accept.mutate({ token, password, ...(displayName ? { displayName } : {}) });
  };
  const field = bindFields({ values, set, error: accept.error, prefix: 'accept' });
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
      <Form onSubmit={submit}>
        <TextField
          label="Your name"
          hint="Leave empty if you already have an account"
          {...field('displayName', { id: 'accept-name' })}
        />
        <TextField
          label="Password"
          hint="At least 12 characters"
          type="password"
          autoComplete="new-password"
          {...field('password')}
        />
        {fields.password || fields.displayName ? null : <FormError error={accept.error} />}
        <button type="submit" className="primary" disabled={accept.isPending || !token}>
          Join
        </button>
      </Form>
    </main>
  );
}
