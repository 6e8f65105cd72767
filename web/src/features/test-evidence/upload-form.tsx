import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Field, FormError, inputProps } from '../../components/ui';
import { testHrefs } from './crumbs';
import { formatBytes, isSettling } from './format';
import { type UploadInput, uploadTypeOf, useRefreshOnceSettled, useTestRun, useUploadRun } from './queries';
import { RunStatus, TotalsLine } from './run-status';

const accepted = '.zip,.tar.gz,.tgz,.tar,.xml';
const blank: Omit<UploadInput, 'file'> = {
  name: '',
  commit: '',
  branch: '',
  pipelineUrl: '',
  environment: '',
  skipInvalid: false,
};

/**
 * Uploads an Allure results archive or a JUnit XML report with what CI knows of the run (commit,
 * branch, pipeline), then follows the run's import until it is imported or has failed.
 */
export function UploadForm(props: { projectId: string; onCancel: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState(blank);
  const send = useUploadRun(props.projectId);
  const errors = fieldErrorsOf(send.error);
  const set = (name: keyof Omit<UploadInput, 'file' | 'skipInvalid'>) => (value: string) =>
    setValues({ ...values, [name]: value });
  const error = (name: string) => errors[name] ?? errors[`query.${name}`];
  const unsupported = file && !uploadTypeOf(file.name);
  return (
    <>
      <Form
        className="panel"
        aria-label="Upload test results"
        onSubmit={() => (file && !unsupported ? send.mutate({ ...values, file }) : undefined)}
      >
        <Field
          label="Results file"
          name="results-file"
          hint="A .zip or .tar.gz of an allure-results folder, or a JUnit XML report"
          error={unsupported ? `${file.name} is not a .zip, .tar.gz, .tar or .xml file.` : undefined}
        >
          <input
            {...inputProps('results-file')}
            type="file"
            accept={accepted}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        {file && !unsupported ? <p className="muted">{formatBytes(file.size)} to send.</p> : null}
        <RunFields values={values} set={set} error={error} />
        <label className="check">
          <input
            type="checkbox"
            checked={values.skipInvalid}
            onChange={(event) => setValues({ ...values, skipInvalid: event.target.checked })}
          />
          Skip files that cannot be read, and list them (otherwise one bad file fails the run)
        </label>
        <FormError error={Object.keys(errors).length > 0 ? null : send.error} />
        <RefusedFile error={send.error} />
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={send.isPending || !file || Boolean(unsupported)}
          >
            {send.isPending ? 'Uploading…' : 'Upload'}
          </button>
          <button type="button" onClick={props.onCancel}>
            Close
          </button>
        </div>
      </Form>
      {send.data ? <UploadProgress projectId={props.projectId} runId={send.data} /> : null}
    </>
  );
}

/** What CI knows of the run: its name, commit, branch, pipeline and environment. */
function RunFields(props: {
  values: Omit<UploadInput, 'file'>;
  set: (name: keyof Omit<UploadInput, 'file' | 'skipInvalid'>) => (value: string) => void;
  error: (name: string) => string | undefined;
}) {
  const { values, set, error } = props;
  return (
    <>
      <div className="inline-form">
        <TextField
          label="Name (optional)"
          name="run-name"
          value={values.name}
          onChange={set('name')}
          error={error('name')}
          hint="Default: branch and short commit"
        />
        <TextField
          label="Commit"
          name="run-commit"
          value={values.commit}
          onChange={set('commit')}
          error={error('commit')}
          spellCheck={false}
        />
        <TextField
          label="Branch"
          name="run-branch"
          value={values.branch}
          onChange={set('branch')}
          error={error('branch')}
          spellCheck={false}
        />
      </div>
      <div className="inline-form">
        <TextField
          label="Pipeline URL"
          name="run-pipeline"
          type="url"
          value={values.pipelineUrl}
          onChange={set('pipelineUrl')}
          error={error('pipelineUrl')}
        />
        <TextField
          label="Environment"
          name="run-environment"
          value={values.environment}
          onChange={set('environment')}
          error={error('environment')}
        />
      </div>
    </>
  );
}

/** The archive entry a refused upload names (a path that escapes the folder, a file too large). */
function RefusedFile(props: { error: unknown }) {
  if (!(props.error instanceof ApiError)) return null;
  const { file } = props.error.problem;
  return typeof file === 'string' ? (
    <p className="error">
      File: <code>{file}</code>
    </p>
  ) : null;
}

/** The uploaded run's status, asked again until its import has ended. */
function UploadProgress(props: { projectId: string; runId: string }) {
  const run = useTestRun(props.projectId, props.runId);
  const data = run.data;
  useRefreshOnceSettled(props.projectId, props.runId, data !== undefined && !isSettling(data.status));
  return (
    <p className={data?.status === 'failed' ? 'panel banner' : 'panel'} role="status">
      Uploaded
      {data ? (
        <>
          {' '}
          <Link href={testHrefs.run(props.projectId, props.runId)}>{data.name}</Link>
        </>
      ) : null}
      : {data ? <RunStatus run={data} /> : 'waiting for its status…'}
      {data?.status === 'imported' ? (
        <>
          {' '}
          <TotalsLine run={data} />
        </>
      ) : null}
      {data?.status === 'failed' ? ` ${data.importErrors.length} files could not be read.` : null}
    </p>
  );
}
