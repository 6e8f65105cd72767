import { useState } from 'react';
import { Link } from 'wouter';
import { TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { type LintRequest, useRecordLintRun } from './queries';

/** "Record as a lint run": the checked SQL again, this time stored, its findings becoming risks. */
export function RecordRun(props: {
  projectId: string;
  request: LintRequest;
  idempotencyKey: string;
  stale: boolean;
}) {
  const canWrite = useCan('write');
  const [commitSha, setCommitSha] = useState('');
  const record = useRecordLintRun(props.projectId);
  const errors = fieldErrorsOf(record.error);
  if (!canWrite) return null;
  if (record.data) {
    const { risks } = record.data;
    return (
      <p className="panel" role="status">
        Recorded: {risks.created} new {risks.created === 1 ? 'risk' : 'risks'}
        {risks.alreadyOpen > 0 ? `, ${risks.alreadyOpen} already open` : ''}.{' '}
        <Link href={`/projects/${props.projectId}/migrations/runs/${record.data.id}`}>See the run</Link> ·{' '}
        <Link href={`/projects/${props.projectId}/migrations`}>Migrations</Link>
      </p>
    );
  }
  const submit = () =>
    record.mutate({
      body: { ...props.request, ...(commitSha.trim() ? { commitSha: commitSha.trim() } : {}) },
      // The commit is part of what is recorded, so a different one is a different request.
      idempotencyKey: `${props.idempotencyKey}-${commitSha.trim()}`,
    });
  return (
    <Form className="inline-form record-run" onSubmit={submit} aria-label="Record as a lint run">
      <TextField
        label="Commit (optional)"
        name="record-commit"
        value={commitSha}
        onChange={setCommitSha}
        spellCheck={false}
        error={errors.commitSha}
      />
      <button type="submit" className="primary" disabled={record.isPending || props.stale}>
        Record as a lint run
      </button>
      {errors.commitSha ? null : <FormError error={record.error} />}
    </Form>
  );
}
