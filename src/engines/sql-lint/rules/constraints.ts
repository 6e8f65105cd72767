import { names } from '../nodes.ts';
import type { Rule } from '../types.ts';
import { addedConstraints } from './helpers.ts';

export const constraintRules: Rule[] = [
  {
    id: 'constraint-missing-not-valid',
    severity: 'error',
    title: 'Add CHECK and foreign key constraints NOT VALID first',
    why: 'Adding a CHECK or FOREIGN KEY constraint validates every existing row while holding the lock: ACCESS EXCLUSIVE for a CHECK (no reads, no writes), SHARE ROW EXCLUSIVE for a foreign key (no writes), for as long as the scan takes.',
    recipe:
      '1. `ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;` (instant; new rows are checked)\n2. In a separate transaction: `ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;` (SHARE UPDATE EXCLUSIVE: reads and writes continue)',
    lock: 'ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (FOREIGN KEY) during a full scan',
    examples: {
      unsafe: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
      safe: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;',
    },
    check(context) {
      return addedConstraints(context)
        .filter(
          ({ constraint }) =>
            (constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_FOREIGN') &&
            !constraint.skip_validation,
        )
        .map(
          ({ table, constraint }) =>
            `${constraint.contype === 'CONSTR_CHECK' ? 'CHECK' : 'FOREIGN KEY'} constraint ${constraint.conname ?? ''} on ${table} validates every row while locked: add it NOT VALID and VALIDATE separately`,
        );
    },
  },
  {
    id: 'adding-foreign-key-constraint',
    severity: 'warning',
    title: 'Foreign keys lock both tables',
    why: 'Even NOT VALID, a new foreign key takes SHARE ROW EXCLUSIVE on the table and on the table it references: writes to both wait, and the statement itself waits behind any long transaction on either.',
    recipe:
      "1. `SET lock_timeout = '2s';` so the statement gives up instead of queueing everyone behind it.\n2. `ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;`\n3. `ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;` in its own transaction.\n4. Retry on lock timeout.",
    lock: 'SHARE ROW EXCLUSIVE on both tables: blocks writes to both',
    examples: {
      unsafe:
        'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      safe: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
    },
    check(context) {
      return addedConstraints(context)
        .filter(({ constraint }) => constraint.contype === 'CONSTR_FOREIGN')
        .map(
          ({ table, constraint }) =>
            `foreign key ${constraint.conname ?? ''} on ${table} blocks writes to ${table} and ${constraint.pktable?.relname ?? 'the referenced table'} while it is added`,
        );
    },
  },
  {
    id: 'adding-exclusion-constraint',
    severity: 'error',
    title: 'No exclusion constraint on a live table',
    why: 'An EXCLUDE constraint builds its index under ACCESS EXCLUSIVE and cannot be built concurrently or attached from an existing index: the table is unusable for the whole build.',
    recipe:
      'Enforce the rule in a new table filled alongside the old one, or build the constraint in a maintenance window; where possible replace it with a unique index built CONCURRENTLY.',
    lock: 'ACCESS EXCLUSIVE on the table while the index builds: blocks reads and writes',
    examples: {
      unsafe:
        'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
      safe: 'ALTER TABLE bookings ADD CONSTRAINT bookings_room_check CHECK (room > 0) NOT VALID;',
    },
    check(context) {
      return addedConstraints(context)
        .filter(({ constraint }) => constraint.contype === 'CONSTR_EXCLUSION')
        .map(
          ({ table, constraint }) =>
            `exclusion constraint ${constraint.conname ?? ''} on ${table} builds under ACCESS EXCLUSIVE`,
        );
    },
  },
  {
    id: 'ban-alter-domain-with-add-constraint',
    severity: 'error',
    title: 'No constraint added to a domain in use',
    why: 'ALTER DOMAIN … ADD CONSTRAINT checks every column of every table that uses the domain, locking them, and cannot be made NOT VALID-then-VALIDATE in a way that avoids the scan for all of them at once.',
    recipe:
      'Add a CHECK constraint NOT VALID to each table that uses the domain and VALIDATE them one at a time.',
    lock: 'SHARE on every table using the domain while each is scanned: blocks writes',
    examples: {
      unsafe: 'ALTER DOMAIN positive_amount ADD CONSTRAINT positive CHECK (VALUE > 0);',
      safe: 'ALTER DOMAIN positive_amount SET DEFAULT 0;',
    },
    check({ statement }) {
      const node = statement.node;
      if (!('AlterDomainStmt' in node) || node.AlterDomainStmt.subtype !== 'C') return null;
      return `adding a constraint to domain ${names(node.AlterDomainStmt.typeName).join('.')} scans every column that uses it`;
    },
  },
  {
    id: 'ban-create-domain-with-constraint',
    severity: 'warning',
    title: 'No constraint on a new domain',
    why: "A domain's constraint can only be changed later with ALTER DOMAIN, which scans every table using it; a CHECK on each column is cheaper to evolve.",
    recipe: 'Create the domain without a constraint and put CHECK constraints on the columns that use it.',
    lock: 'none when created; the cost comes with every later change',
    examples: {
      unsafe: 'CREATE DOMAIN positive_amount AS numeric CHECK (VALUE > 0);',
      safe: 'CREATE DOMAIN positive_amount AS numeric;',
    },
    check({ statement }) {
      const node = statement.node;
      if (!('CreateDomainStmt' in node)) return null;
      const constrained = (node.CreateDomainStmt.constraints ?? []).some(
        (constraint) => 'Constraint' in constraint && constraint.Constraint.contype === 'CONSTR_CHECK',
      );
      return constrained
        ? `domain ${names(node.CreateDomainStmt.domainname).join('.')} has a CHECK constraint that can only change with a scan of every table using it`
        : null;
    },
  },
];
