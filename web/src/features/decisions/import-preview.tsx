import { ListTable } from '../../components/list-table';
import { Status } from '../../components/ui';
import type { AdrFile } from './adr-files';
import type { ImportReport } from './queries';

/** One row per picked file: the decision it would create, or why it cannot be read. */
export function ImportPreview(props: { files: AdrFile[]; report: ImportReport }) {
  const { report } = props;
  return (
    <ListTable columns={['File', 'Outcome', 'Details']} caption="Files to import" stacked>
      {props.files.map((file) => {
        const decision = report.decisions.find((candidate) => candidate.file === file.name);
        const error = report.errors.find((candidate) => candidate.file === file.name);
        return (
          <tr key={file.name} className={error ? 'import-fails' : undefined}>
            <td data-label="File">
              <code>{file.name}</code>
            </td>
            <td data-label="Outcome">
              {decision ? (
                <>
                  {report.dryRun ? 'Would create' : 'Created'} {decision.reference} “{decision.title}”{' '}
                  <Status value={decision.status} />
                </>
              ) : (
                <strong className="error">Cannot be imported</strong>
              )}
            </td>
            <td data-label="Details">
              {error ? error.reason : null}
              {decision ? <DecisionNotes decision={decision} /> : null}
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}

function DecisionNotes(props: { decision: ImportReport['decisions'][number] }) {
  const d = props.decision;
  const notes = [
    `${d.format.toUpperCase()} format`,
    d.decisionDate ? `decided ${d.decisionDate}` : 'no date',
    ...(d.decisionOwner ? [`owner ${d.decisionOwner}`] : []),
    ...(d.supersededBy ? [`superseded by ${d.supersededBy}`] : []),
    ...d.warnings,
  ];
  return <span className="muted">{notes.join(' · ')}</span>;
}
