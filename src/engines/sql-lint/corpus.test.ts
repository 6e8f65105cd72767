// Realistic migrations as each framework writes them (fixtures/corpus/<framework>/), found the way
// the command line finds them and linted in the order their tools apply them. Other rules may fire
// on them too as the catalogue grows: each verdict here is checked among the rules it names.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverMigrations } from './discover.ts';
import { lintMigrations, rules } from './index.ts';

const corpus = path.join(import.meta.dirname, 'fixtures', 'corpus');

/** The rules these verdicts speak for; findings of other rules are not this test's business. */
const checked = [
  'require-concurrent-index-creation',
  'require-concurrent-index-deletion',
  'ban-concurrent-index-creation-in-transaction',
  'disallowed-unique-constraint',
  'reindex-without-concurrently',
];

/** Per framework: every migration in apply order, with the `rule@line` findings expected in it. */
const verdicts: Record<string, Record<string, string[]>> = {
  sql: {
    'sql/001_create_accounts.sql': [],
    'sql/002_accounts_plan.sql': ['require-concurrent-index-creation@6'],
    'sql/010_rebuild_indexes.sql': ['reindex-without-concurrently@4', 'require-concurrent-index-deletion@10'],
  },
  drizzle: {
    'drizzle/0000_init.sql': [],
    // Drizzle's migrator runs every pending migration in one transaction: CONCURRENTLY fails there.
    'drizzle/0001_orders_status_index.sql': ['ban-concurrent-index-creation-in-transaction@1'],
    'drizzle/0002_orders_unique_reference.sql': ['disallowed-unique-constraint@2'],
  },
  prisma: {
    'prisma/migrations/20240105093000_init/migration.sql': [],
    'prisma/migrations/20240212141500_order_status/migration.sql': ['require-concurrent-index-creation@5'],
    'prisma/migrations/20240301080000_product_sku/migration.sql': ['require-concurrent-index-creation@13'],
  },
  flyway: {
    'flyway/V1__create_customers.sql': [],
    'flyway/V1_1__customers_name_index.sql': [],
    'flyway/V1_2__customers_country.sql': ['require-concurrent-index-creation@3'],
    'flyway/V2__drop_name_index.sql': ['require-concurrent-index-deletion@1'],
    'flyway/R__customer_view.sql': [],
  },
  'golang-migrate': {
    'golang-migrate/000001_create_events.up.sql': [],
    'golang-migrate/000002_events_created_at_index.up.sql': [],
    'golang-migrate/000010_drop_kind_index.up.sql': ['require-concurrent-index-deletion@1'],
  },
  dbmate: {
    'dbmate/db/migrations/20240110120000_create_sessions.sql': [],
    'dbmate/db/migrations/20240115090000_sessions_user_index.sql': [],
    // dbmate wraps a file in a transaction unless its header says transaction:false.
    'dbmate/db/migrations/20240120100000_sessions_token_index.sql': [
      'ban-concurrent-index-creation-in-transaction@3',
    ],
  },
  rails: {},
  django: {},
};

const notAnalysed: Record<string, string[]> = {
  rails: ['rails/db/migrate/20240101000000_create_users.rb'],
  django: ['django/shop/migrations/0001_initial.py'],
};

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(corpus, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(corpus, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('the real-world corpus', () => {
  it('speaks only of rules the catalogue has', () => {
    const known = new Set(rules.map((rule) => rule.id));
    expect(checked.filter((id) => !known.has(id))).toEqual([]);
  });

  for (const [framework, expected] of Object.entries(verdicts)) {
    it(`${framework}: found in apply order and linted as expected`, async () => {
      const found = discoverMigrations(filesUnder(framework), (file) =>
        fs.readFileSync(path.join(corpus, file), 'utf8'),
      );
      const analysed = found.filter((migration) => migration.analysed);
      expect(analysed.map((migration) => migration.path)).toEqual(Object.keys(expected));
      expect(found.filter((migration) => !migration.analysed).map((migration) => migration.path)).toEqual(
        notAnalysed[framework] ?? [],
      );
      const report = await lintMigrations(
        analysed.map((migration) => ({
          path: migration.path,
          sql: fs.readFileSync(path.join(corpus, migration.path), 'utf8'),
          ...(migration.runsInTransaction === undefined
            ? {}
            : { runsInTransaction: migration.runsInTransaction }),
        })),
      );
      expect(report.summary.parseErrors).toBe(0);
      const actual = Object.fromEntries(
        report.files.map((file) => [
          file.path,
          file.findings
            .filter((finding) => checked.includes(finding.ruleId))
            .map((finding) => `${finding.ruleId}@${finding.line}`),
        ]),
      );
      expect(actual).toEqual(expected);
    });
  }
});
