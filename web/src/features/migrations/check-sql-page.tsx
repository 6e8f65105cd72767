import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { SelectField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Page, Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { MigrationCrumbs } from './crumbs';
import { LintReportView } from './lint-report-view';
import { type LintReport, type LintRequest, pgVersions, useCheckSql, useLintSettings } from './queries';
import { RecordRun } from './record-run';
import { emptyInput, filesOf, SqlFiles, type SqlInput } from './sql-files';

/** A report and the exact request that produced it, so that recording it records the same thing. */
interface Checked {
  request: LintRequest;
  report: LintReport;
  idempotencyKey: string;
}

/** A key for one checked request: recording it twice (a double click) records one run. */
function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Lints SQL typed, pasted or picked, without storing anything; then, if wanted, records it as a run. */
export function CheckSqlPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const settings = useLintSettings(projectId);
  const [input, setInput] = useState<SqlInput>(emptyInput);
  const [pgVersion, setPgVersion] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const check = useCheckSql(projectId);
  const files = filesOf(input);
  const request: LintRequest = { files, ...(pgVersion ? { pgVersion: Number(pgVersion) } : {}) };
  const changed = checked !== null && JSON.stringify(checked.request) !== JSON.stringify(request);
  const errors = fieldErrorsOf(check.error);
  const typedIndex = input.picked.length;
  const submit = () =>
    check.mutate(request, {
      onSuccess: (report) => setChecked({ request, report, idempotencyKey: newKey() }),
    });
  return (
    <Page crumbs={<MigrationCrumbs projectId={projectId} inMigrations />}>
      <h1>Check SQL</h1>
      <p className="muted">
        Lints the SQL as the project's migrations would be linted, and stores nothing until you record it.
      </p>
      <Form className="panel" onSubmit={submit} aria-label="SQL to check">
        <SqlFiles
          value={input}
          onChange={setInput}
          errors={{
            path: errors[`files.${typedIndex}.path`] ?? '',
            sql: errors[`files.${typedIndex}.sql`] ?? '',
          }}
        />
        <SelectField
          label="PostgreSQL version"
          name="check-pg-version"
          value={pgVersion}
          onChange={setPgVersion}
          none={`The project's (PostgreSQL ${settings.data?.pgVersion ?? '…'})`}
          choices={pgVersions.map((version) => ({ value: String(version), label: `PostgreSQL ${version}` }))}
          error={errors.pgVersion}
        />
        <FormError error={check.error} />
        <button type="submit" className="primary" disabled={check.isPending || files.length === 0}>
          Check
        </button>
      </Form>
      {checked ? (
        <Section id="check-results" title="Findings">
          {changed ? (
            <p className="banner" role="status">
              The SQL or the version changed since this check: check again to see what they give.
            </p>
          ) : null}
          <RecordRun
            projectId={projectId}
            request={checked.request}
            idempotencyKey={checked.idempotencyKey}
            stale={changed}
          />
          <LintReportView report={checked.report} level={3} idPrefix="check" />
        </Section>
      ) : (
        <p className="muted">
          Findings show here. Recorded runs are on the{' '}
          <Link href={`/projects/${projectId}/migrations`}>Migrations</Link> page.
        </p>
      )}
    </Page>
  );
}
