import { ListTable } from '../../components/list-table';
import { Empty } from '../../components/ui';
import type { FileReport } from './queries';

type Statement = FileReport['statements'][number];

/** What a lock costs beyond waiting for it: the table rewritten, or read whole. */
function cost(lock: Statement['locks'][number]): string {
  if (lock.rewrite) return lock.scan ? 'rewrite and scan' : 'rewrite';
  return lock.scan ? 'scan' : '—';
}

/** Each statement of a file with the locks it takes: table, mode, what waits, rewrite or scan. */
export function StatementLocks(props: { statements: Statement[]; caption: string }) {
  if (props.statements.length === 0) return <Empty>No statements.</Empty>;
  return (
    <ListTable
      stacked
      caption={props.caption}
      columns={['Line', 'Statement', 'Table', 'Lock', 'Blocks', 'Rewrite / scan']}
    >
      {props.statements.flatMap((statement, position) => {
        const locks = statement.locks.length > 0 ? statement.locks : [null];
        return locks.map((lock, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: statements share lines, and one may lock a table twice in one mode
          <tr key={`${position}-${index}`}>
            <td data-label="Line">{statement.line}</td>
            <td data-label="Statement">
              <code>{statement.kind}</code>
              {statement.locksHeldUntilLine !== null ? (
                <span className="muted">
                  {' '}
                  (in a transaction: locks held until line {statement.locksHeldUntilLine})
                </span>
              ) : null}
            </td>
            <td data-label="Table">{lock?.table ?? '—'}</td>
            <td data-label="Lock">{lock?.mode ?? 'no lock'}</td>
            <td data-label="Blocks">{lock?.blocks ?? '—'}</td>
            <td data-label="Rewrite / scan">{lock ? cost(lock) : '—'}</td>
          </tr>
        ));
      })}
    </ListTable>
  );
}
