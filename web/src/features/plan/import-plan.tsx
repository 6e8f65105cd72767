import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Form } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Field, FormError, inputProps } from '../../components/ui';
import { type ImportProblem, importProblemsOf } from './import-errors';
import { useImportPlan } from './queries';

/** Imports a plan file: all its rows or, when one is wrong, none, with every problem by row. */
export function ImportPlan(props: { projectId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const imported = useImportPlan(props.projectId);
  const problems = importProblemsOf(
    imported.error instanceof ApiError ? imported.error.problem.errors : undefined,
  );
  const created = imported.data
    ? Object.values(imported.data.created).reduce((sum, rows) => sum + rows.length, 0)
    : null;
  return (
    <Section id="plan-import" title="Import">
      <p className="muted">
        A JSON file of rows by area and table:{' '}
        <code>{'{ "areas": { "<area>": { "<table>": [{ "values": {…} }] } } }'}</code>. Every row is checked
        first; when one is wrong, nothing is imported.
      </p>
      <Form
        className="plan-import"
        onSubmit={() => {
          if (file) imported.mutate(file);
        }}
      >
        <Field label="Plan file (JSON)" name="plan-import-file">
          <input
            {...inputProps('plan-import-file')}
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              imported.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </Field>
        <button type="submit" disabled={!file || imported.isPending}>
          Import
        </button>
      </Form>
      {created !== null ? <p role="status">Imported {created} rows.</p> : null}
      <FormError error={imported.error} />
      {problems.length > 0 ? <ImportProblems problems={problems} /> : null}
    </Section>
  );
}

function ImportProblems(props: { problems: ImportProblem[] }) {
  return (
    <ListTable
      columns={['Area', 'Table', 'Row', 'Field', 'Problem']}
      caption="Problems of the import"
      stacked
    >
      {props.problems.map((problem, index) => (
        // The same row may have several problems; the position keeps them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
        <tr key={index}>
          <td data-label="Area">{problem.area || '—'}</td>
          <td data-label="Table">{problem.table || '—'}</td>
          <td data-label="Row">{problem.row === null ? '—' : problem.row + 1}</td>
          <td data-label="Field">{problem.field || '—'}</td>
          <td data-label="Problem">{problem.message}</td>
        </tr>
      ))}
    </ListTable>
  );
}
