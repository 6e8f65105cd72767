import { useState } from 'react';

/** Several text values (a form's fields, a list's filters) in one state, with a setter per name. */
export function useValues<Values extends Record<string, string>>(initial: Values) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  return [values, set] as const;
}
