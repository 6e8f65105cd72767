import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { Field, FormError, inputProps } from '../components/ui';
import { useSignIn } from '../session';

export function SignIn() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fields = signIn.error instanceof ApiError ? signIn.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main className="sign-in">
      <h1>Sign in to Shipshape</h1>
      <form onSubmit={submit} noValidate>
        <Field label="Email" name="email" error={fields.email}>
          <input
            {...inputProps('email', fields.email)}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Password" name="password" error={fields.password}>
          <input
            {...inputProps('password', fields.password)}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        {Object.keys(fields).length ? null : <FormError error={signIn.error} />}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
