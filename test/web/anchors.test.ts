import { describe, expect, it } from 'vitest';
import { anchorFor } from '../../web/src/features/prds/anchors.ts';

// A comment's anchor must quote the Markdown source exactly; readers select rendered text.
describe('anchoring a selection in the PRD source', () => {
  const content = '## Problem\n\nCustomers wait too long.\nRefunds must complete\nwithin one day.\n';

  it('finds a selection that appears as it is in the source', () => {
    const anchor = anchorFor(content, 'Customers wait too long.');
    expect(anchor).toEqual({ quote: 'Customers wait too long.', start: 12, end: 36 });
    expect(content.slice(anchor?.start, anchor?.end)).toBe(anchor?.quote);
  });

  it('matches across the line breaks that rendering turned into spaces, quoting the source', () => {
    const anchor = anchorFor(content, '  Refunds must complete within one day. ');
    expect(anchor?.quote).toBe('Refunds must complete\nwithin one day.');
    expect(content.slice(anchor?.start, anchor?.end)).toBe(anchor?.quote);
  });

  it('treats the selection as text, not as a pattern', () => {
    expect(anchorFor('a (b) c', '(b)')).toEqual({ quote: '(b)', start: 2, end: 5 });
    expect(anchorFor('price: 5$ each', '5$ each')?.start).toBe(7);
  });

  it('answers nothing for an empty selection or text the source does not hold', () => {
    expect(anchorFor(content, '   ')).toBeNull();
    expect(anchorFor(content, 'Refunds take a week')).toBeNull();
  });
});
