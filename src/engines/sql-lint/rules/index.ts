import type { Rule } from '../types.ts';
import { columnRules } from './columns.ts';
import { constraintRules } from './constraints.ts';
import { dropRules } from './drops.ts';
import { indexRules } from './indexes.ts';

/**
 * Reported by the linter itself (lint.ts) when a `shipshape-ignore` comment gives no reason: an
 * ignore nobody can explain later is a finding hidden, not a decision.
 */
const ignoreWithoutReason: Rule = {
  id: 'ignore-without-reason',
  severity: 'warning',
  title: 'Every ignore comment gives its reason',
  why: 'A silenced finding with no reason cannot be reviewed: nobody can tell a deliberate exception from a hidden problem.',
  recipe:
    'Write the reason after a colon: `-- shipshape-ignore ban-drop-column: column unused since release 4.2`.',
  lock: 'none',
  examples: {
    unsafe: '-- shipshape-ignore ban-drop-column\nALTER TABLE users DROP COLUMN legacy_flag;',
    safe: '-- shipshape-ignore ban-drop-column: unused since release 4.2\nALTER TABLE users DROP COLUMN legacy_flag;',
  },
  check: () => null,
};

/** The whole catalogue, in the order the documentation lists it. */
export const rules: readonly Rule[] = [
  ...columnRules,
  ...constraintRules,
  ...indexRules,
  ...dropRules,
  ignoreWithoutReason,
];
