import { useState } from 'react';
import { TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useSignIn } from './queries';

export function SignIn() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fields = fieldErrorsOf(signIn.error);
  const submit = () => {
    signIn.mutate({ email, password });
  };
  return (
    <main className="sign-in">
      <h1>Sign in to Shipshape</h1>
      <Form onSubmit={submit}>
        <TextField
          label="Email"
          name="email"
          error={fields.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          name="password"
          error={fields.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {Object.keys(fields).length ? null : <FormError error={signIn.error} />}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </main>
  );
}
