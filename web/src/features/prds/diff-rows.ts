/** A change as the API answers it: a run of whole lines added, removed or kept. */
export type Change = { type: 'added' | 'removed' | 'unchanged'; value: string };
/** One line of one side, with its number in that revision. */
export type Side = { number: number; text: string; type: Change['type'] };
/** A row of the split view: the old line on the left, the new on the right, either may be missing. */
export type SplitRow = { left: Side | null; right: Side | null };
/** A row of the unified view: a line with its number in the old revision, the new one, or both. */
export type UnifiedRow = { old: number | null; new: number | null; text: string; type: Change['type'] };

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  // A run ends with its last line's newline, which leaves an empty string that is no line.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Every line with its numbers on both sides, in the order a unified diff shows them. */
export function unifiedRows(changes: Change[]): UnifiedRow[] {
  const rows: UnifiedRow[] = [];
  let old = 0;
  let next = 0;
  for (const change of changes) {
    for (const text of linesOf(change.value)) {
      if (change.type !== 'added') old += 1;
      if (change.type !== 'removed') next += 1;
      rows.push({
        old: change.type === 'added' ? null : old,
        new: change.type === 'removed' ? null : next,
        text,
        type: change.type,
      });
    }
  }
  return rows;
}

/**
 * The rows of a split view: kept lines side by side; a removed run beside the added run that
 * replaces it, line by line, with blank cells where one run is longer.
 */
export function splitRows(changes: Change[]): SplitRow[] {
  const rows: SplitRow[] = [];
  let removed: Side[] = [];
  let added: Side[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) {
      rows.push({ left: removed[index] ?? null, right: added[index] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const row of unifiedRows(changes)) {
    if (row.type === 'removed') removed.push({ number: row.old ?? 0, text: row.text, type: row.type });
    else if (row.type === 'added') added.push({ number: row.new ?? 0, text: row.text, type: row.type });
    else {
      flush();
      rows.push({
        left: { number: row.old ?? 0, text: row.text, type: row.type },
        right: { number: row.new ?? 0, text: row.text, type: row.type },
      });
    }
  }
  flush();
  return rows;
}

/** Rows shown as they are, or a run of unchanged rows folded away behind a button. */
export type Run<Row> = { folded: boolean; start: number; rows: Row[] };

/**
 * Splits the rows into runs: rows within `context` rows of a change are shown, longer stretches of
 * unchanged rows (at least `least` of them) are folded, as a pull request's diff folds them.
 */
export function foldUnchanged<Row>(
  rows: Row[],
  changed: (row: Row) => boolean,
  context = 3,
  least = 4,
): Run<Row>[] {
  const near = rows.map((_, index) =>
    rows.slice(Math.max(0, index - context), index + context + 1).some(changed),
  );
  const runs: Run<Row>[] = [];
  let index = 0;
  while (index < rows.length) {
    const shown = near[index] ?? true;
    let end = index;
    while (end < rows.length && (near[end] ?? true) === shown) end += 1;
    const run = { folded: !shown && end - index >= least, start: index, rows: rows.slice(index, end) };
    const last = runs[runs.length - 1];
    if (last && !last.folded && !run.folded) last.rows.push(...run.rows);
    else runs.push(run);
    index = end;
  }
  return runs;
}
