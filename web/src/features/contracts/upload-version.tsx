import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { Field, FormError, inputProps } from '../../components/ui';
import { useCan } from '../session/permissions';
import { type ContractKey, type Uploaded, useUploadVersion } from './queries';
import { ChangeCounts } from './verdict';

const accepted = '.yaml,.yml,.json,.graphql,.gql,.zip,.tar,.tar.gz,.tgz';

/**
 * Uploads a new version from a picked file (a YAML, JSON or GraphQL document, or a zip or tar
 * bundle of one with its referenced files), with its label and commit; then says what changed.
 */
export function UploadVersion(props: { contractKey: ContractKey }) {
  const canWrite = useCan('write');
  const [label, setLabel] = useState('');
  const [commit, setCommit] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useUploadVersion(props.contractKey);
  const errors = fieldErrorsOf(send.error);
  const labelError = errors.version ?? errors['query.version'];
  const commitError = errors.commit ?? errors['query.commit'];
  if (!canWrite) return null;
  const submit = () => {
    if (file) send.mutate({ label, commit, file });
  };
  return (
    <Section id="upload-version" title="Upload a version">
      <Form className="panel" onSubmit={submit} aria-label="Upload a version">
        <Field
          label="Contract file"
          name="contract-file"
          hint="OpenAPI or GraphQL as YAML, JSON or SDL; or a .zip or .tar.gz of it with the files it refers to"
        >
          <input
            {...inputProps('contract-file')}
            type="file"
            accept={accepted}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        <div className="inline-form">
          <TextField
            label="Version label"
            name="upload-label"
            placeholder="e.g. 2.3.0"
            value={label}
            onChange={setLabel}
            spellCheck={false}
            error={labelError}
          />
          <TextField
            label="Commit (optional)"
            name="upload-commit"
            value={commit}
            onChange={setCommit}
            spellCheck={false}
            error={commitError}
          />
        </div>
        {labelError || commitError ? null : <FormError error={send.error} />}
        <LoadErrorPlace error={send.error} />
        <button type="submit" className="primary" disabled={send.isPending || !file || !label.trim()}>
          {send.isPending ? 'Uploading…' : 'Upload'}
        </button>
      </Form>
      {send.data ? <UploadOutcome contractKey={props.contractKey} uploaded={send.data} /> : null}
    </Section>
  );
}

/** Where in the upload the loader stopped (file, line, column, JSON pointer), when it says. */
function LoadErrorPlace(props: { error: unknown }) {
  if (!(props.error instanceof ApiError)) return null;
  const { file, line, column, pointer } = props.error.problem;
  const place = [
    typeof file === 'string' ? file : null,
    typeof line === 'number' ? `line ${line}` : null,
    typeof column === 'number' ? `column ${column}` : null,
    typeof pointer === 'string' && pointer ? `at ${pointer}` : null,
  ].filter(Boolean);
  return place.length > 0 ? <p className="error">Where: {place.join(', ')}</p> : null;
}

/** What the upload did: nothing (the same document again), or the new version and its verdict. */
function UploadOutcome(props: { contractKey: ContractKey; uploaded: Uploaded }) {
  const { version, unchanged, verdict } = props.uploaded;
  const href = `/projects/${props.contractKey.projectId}/contracts/${props.contractKey.contractId}/versions/${version.id}`;
  if (unchanged)
    return (
      <p className="panel" role="status">
        Unchanged: the same document as <Link href={href}>{version.label}</Link>, the latest version. Nothing
        was stored.
      </p>
    );
  return (
    <p className={verdict.outcome === 'fail' ? 'panel banner' : 'panel'} role="status">
      Uploaded <Link href={href}>{version.label}</Link>: <ChangeCounts version={version} />.{' '}
      {verdict.outcome === 'fail'
        ? `It fails the project's check (changes at ${verdict.failOn} or above).`
        : "It passes the project's check."}
      {verdict.reviewRequired ? ' Its breaking changes wait for a review.' : ''}
    </p>
  );
}
