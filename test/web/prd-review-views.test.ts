import { describe, expect, it } from 'vitest';
import { demoteHeadings } from '../../web/src/features/prds/demote-headings.ts';
import { foldUnchanged, splitRows, unifiedRows } from '../../web/src/features/prds/diff-rows.ts';
import { groupFindings, shortMessage } from '../../web/src/features/prds/lint-rules.ts';

// The diff as the API answers it: runs of whole lines.
const changes = [
  { type: 'unchanged' as const, value: '# Refunds\n\n' },
  { type: 'removed' as const, value: 'slow\nvery slow\n' },
  { type: 'added' as const, value: 'fast\n' },
  { type: 'unchanged' as const, value: 'end\n' },
];

describe('the rows of a revision diff', () => {
  it('numbers every line on the side or sides that have it', () => {
    expect(unifiedRows(changes)).toEqual([
      { old: 1, new: 1, text: '# Refunds', type: 'unchanged' },
      { old: 2, new: 2, text: '', type: 'unchanged' },
      { old: 3, new: null, text: 'slow', type: 'removed' },
      { old: 4, new: null, text: 'very slow', type: 'removed' },
      { old: null, new: 3, text: 'fast', type: 'added' },
      { old: 5, new: 4, text: 'end', type: 'unchanged' },
    ]);
  });

  it('puts a removed run beside the added run that replaces it, row by row', () => {
    const rows = splitRows(changes);
    expect(rows.map((row) => [row.left?.number ?? null, row.right?.number ?? null])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, null],
      [5, 4],
    ]);
    expect(rows[2]).toEqual({
      left: { number: 3, text: 'slow', type: 'removed' },
      right: { number: 3, text: 'fast', type: 'added' },
    });
  });
});

describe('folding unchanged lines', () => {
  it('keeps three lines around each change and folds longer stretches of unchanged ones', () => {
    const rows = Array.from({ length: 20 }, (_, index) => index === 10);
    const runs = foldUnchanged(rows, (changed) => changed);
    expect(runs.map((run) => [run.folded, run.start, run.rows.length])).toEqual([
      [true, 0, 7],
      [false, 7, 7],
      [true, 14, 6],
    ]);
  });

  it('shows a short stretch rather than fold it', () => {
    const runs = foldUnchanged([false, false, false, false, true], (changed) => changed);
    expect(runs).toEqual([{ folded: false, start: 0, rows: [false, false, false, false, true] }]);
  });
});

describe('the rendered PRD inside the review page', () => {
  it('moves every heading one level down, so the page keeps one h1', () => {
    expect(demoteHeadings('<h1>Refunds</h1><h2 id="x">Problem</h2><h6>Deep</h6><header>kept</header>')).toBe(
      '<h2>Refunds</h2><h3 id="x">Problem</h3><h6>Deep</h6><header>kept</header>',
    );
  });
});

describe('lint findings as people read them', () => {
  it('groups findings under rule titles, leaves out the threads and drops what the title says', () => {
    const groups = groupFindings([
      { rule: 'missing_section', message: 'Missing section: Goals', line: null },
      { rule: 'unresolved_comment', message: 'Unresolved comment 0b6c…: "How fast?"', line: null },
      { rule: 'vague_word', message: 'Vague wording in a requirement ("fast"): say how much', line: 9 },
    ]);
    expect(groups.map((group) => [group.title, group.items.map(shortMessage)])).toEqual([
      ['Missing sections', ['Goals']],
      ['Vague wording', ['"fast": say how much']],
    ]);
  });
});
