import { useState } from 'react';
import { Field, FormError, inputProps } from '../../components/ui';
import { type Consumer, type ContractKey, useUploadPact } from './queries';

/** Reads a picked file as JSON, or says why it cannot be: the server is asked only with an object. */
async function pactOf(file: File): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not JSON: a Pact file is the JSON a consumer's Pact tests write.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file.name} is not a Pact file: it holds no JSON object.`);
  return parsed as Record<string, unknown>;
}

/**
 * Replaces what a consumer uses by what its Pact file's interactions exercise, as soon as the
 * file is picked; the server answers what is wrong with a file that is not a Pact file.
 */
export function PactUpload(props: { contractKey: ContractKey; consumer: Consumer }) {
  const send = useUploadPact(props.contractKey, props.consumer.id);
  const [readError, setReadError] = useState<unknown>(null);
  const name = `pact-${props.consumer.id}`;
  const pick = async (file: File | undefined) => {
    setReadError(null);
    send.reset();
    if (!file) return;
    try {
      send.mutate(await pactOf(file));
    } catch (error) {
      setReadError(error);
    }
  };
  return (
    <div className="pact-upload">
      <Field
        label={`Pact file for ${props.consumer.name}`}
        name={name}
        hint="Pact specification v2 or v3 (JSON)"
      >
        <input
          {...inputProps(name)}
          type="file"
          accept=".json,application/json"
          disabled={send.isPending}
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            // The same file picked again (after fixing it) is read again.
            event.target.value = '';
          }}
        />
      </Field>
      {send.isPending ? <p aria-busy="true">Reading the Pact file…</p> : null}
      {send.isSuccess ? (
        <p role="status">
          Read: it calls {send.data.uses.operations.length}{' '}
          {send.data.uses.operations.length === 1 ? 'operation' : 'operations'}.
        </p>
      ) : null}
      <FormError error={readError ?? send.error} />
    </div>
  );
}
