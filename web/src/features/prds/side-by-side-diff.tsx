import { type ReactNode, useState } from 'react';
import type { ResponseOf } from '../../api/client';
import { Empty } from '../../components/ui';
import {
  foldUnchanged,
  type Run,
  type Side,
  type SplitRow,
  splitRows,
  type UnifiedRow,
  unifiedRows,
} from './diff-rows';
import { stackedQuery } from './use-margin-alignment';

type Diff = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}/diff', 'get'>;
type View = 'split' | 'unified';

const signs = { added: '+', removed: '−', unchanged: ' ' } as const;

/** The diff of two revisions, split (old beside new, row by row) or unified; unified on phones. */
export function SideBySideDiff(props: { diff: Diff }) {
  const [view, setView] = useState<View>(() =>
    window.matchMedia(stackedQuery).matches ? 'unified' : 'split',
  );
  const { diff } = props;
  if (diff.lines.every((change) => change.type === 'unchanged')) {
    return (
      <Empty>
        Revisions {diff.from} and {diff.to} have the same text.
      </Empty>
    );
  }
  const caption = `Changes from revision ${diff.from} to revision ${diff.to}`;
  return (
    <>
      <fieldset className="prd-diff-view">
        <legend>View</legend>
        {(['split', 'unified'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="diff-view"
              value={choice}
              checked={view === choice}
              onChange={() => setView(choice)}
            />{' '}
            {choice === 'split' ? 'Split' : 'Unified'}
          </label>
        ))}
      </fieldset>
      <div className="prd-diff-scroll">
        {view === 'split' ? (
          <SplitTable key={caption} diff={diff} caption={caption} />
        ) : (
          <UnifiedTable key={caption} diff={diff} caption={caption} />
        )}
      </div>
    </>
  );
}

function SplitTable(props: { diff: Diff; caption: string }) {
  return (
    <table className="prd-diff prd-diff-split" aria-label={props.caption}>
      <colgroup>
        <col className="prd-diff-col-number" />
        <col />
        <col className="prd-diff-col-number" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2} scope="colgroup">
            Revision {props.diff.from}
          </th>
          <th colSpan={2} scope="colgroup">
            Revision {props.diff.to}
          </th>
        </tr>
      </thead>
      <FoldedBody
        runs={foldUnchanged(splitRows(props.diff.lines), (row: SplitRow) => row.left?.type !== 'unchanged')}
        columns={4}
        row={(row) => (
          <>
            <SideCells side={row.left} />
            <SideCells side={row.right} />
          </>
        )}
      />
    </table>
  );
}

function SideCells(props: { side: Side | null }) {
  const { side } = props;
  if (!side) {
    return (
      <>
        <td className="prd-diff-number prd-diff-blank" />
        <td className="prd-diff-blank" />
      </>
    );
  }
  const Mark = side.type === 'added' ? 'ins' : side.type === 'removed' ? 'del' : null;
  return (
    <>
      <td className={`prd-diff-number prd-diff-${side.type}`}>{side.number}</td>
      <td className={`prd-diff-text prd-diff-${side.type}`}>{Mark ? <Mark>{side.text}</Mark> : side.text}</td>
    </>
  );
}

function UnifiedTable(props: { diff: Diff; caption: string }) {
  return (
    <table className="prd-diff prd-diff-unified" aria-label={props.caption}>
      <colgroup>
        <col className="prd-diff-col-number" />
        <col className="prd-diff-col-number" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{props.diff.from}</th>
          <th scope="col">{props.diff.to}</th>
          <th scope="col">
            <span className="visually-hidden">Line</span>
          </th>
        </tr>
      </thead>
      <FoldedBody
        runs={foldUnchanged(unifiedRows(props.diff.lines), (row: UnifiedRow) => row.type !== 'unchanged')}
        columns={3}
        className={(row) => `prd-diff-${row.type}`}
        row={(row) => {
          const Mark = row.type === 'added' ? 'ins' : row.type === 'removed' ? 'del' : null;
          return (
            <>
              <td className="prd-diff-number">{row.old ?? ''}</td>
              <td className="prd-diff-number">{row.new ?? ''}</td>
              <td className="prd-diff-text">
                <span aria-hidden="true">{signs[row.type]} </span>
                {Mark ? <Mark>{row.text}</Mark> : row.text}
              </td>
            </>
          );
        }}
      />
    </table>
  );
}

/** The rows, with each folded run of unchanged lines behind a button that shows it. */
function FoldedBody<Row>(props: {
  runs: Run<Row>[];
  columns: number;
  row: (row: Row) => ReactNode;
  className?: (row: Row) => string;
}) {
  const [shown, setShown] = useState<Set<number>>(new Set());
  return (
    <tbody>
      {props.runs.flatMap((run) =>
        run.folded && !shown.has(run.start)
          ? [
              <tr key={`fold-${run.start}`} className="prd-diff-fold">
                <td colSpan={props.columns}>
                  <button type="button" onClick={() => setShown(new Set([...shown, run.start]))}>
                    Show {run.rows.length} unchanged lines
                  </button>
                </td>
              </tr>,
            ]
          : run.rows.map((row, offset) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's place in the diff is its identity
              <tr key={run.start + offset} className={props.className?.(row)}>
                {props.row(row)}
              </tr>
            )),
      )}
    </tbody>
  );
}
