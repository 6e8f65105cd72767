import { describe, expect, it } from 'vitest';
import { type DiscoveredMigration, discoverMigrations, naturalCompare } from './discover.ts';

/** A folder as a map of relative path → content; discovery reads only what it needs from it. */
function discover(files: Record<string, string>): DiscoveredMigration[] {
  return discoverMigrations(Object.keys(files), (path) => {
    const content = files[path];
    if (content === undefined) throw new Error(`no file ${path}`);
    return content;
  });
}

const pathsOf = (found: DiscoveredMigration[]) => found.map((migration) => migration.path);

describe('discovering migrations', () => {
  it('orders a plain SQL folder naturally: 2 before 10', () => {
    const found = discover({
      'sql/10_add_index.sql': 'select 1;',
      'sql/2_create_users.sql': 'select 1;',
      'sql/1_init.sql': 'select 1;',
      'sql/README.md': '# notes',
    });
    expect(pathsOf(found)).toEqual(['sql/1_init.sql', 'sql/2_create_users.sql', 'sql/10_add_index.sql']);
    expect(found.every((migration) => migration.framework === 'sql' && migration.analysed)).toBe(true);
    expect(found[0]?.runsInTransaction).toBeUndefined();
  });

  it('orders Drizzle by its journal, which may disagree with the names, and runs it in one transaction', () => {
    const journal = {
      version: '7',
      dialect: 'postgresql',
      entries: [
        { idx: 0, tag: '0000_init', when: 1, breakpoints: true },
        { idx: 1, tag: '0001_zebra', when: 2, breakpoints: true },
        { idx: 2, tag: '0001_apple', when: 3, breakpoints: true },
      ],
    };
    const found = discover({
      'drizzle/0001_apple.sql': 'select 1;',
      'drizzle/0000_init.sql': 'select 1;',
      'drizzle/0001_zebra.sql': 'select 1;',
      'drizzle/9999_not_in_journal.sql': 'select 1;',
      'drizzle/meta/_journal.json': JSON.stringify(journal),
      'drizzle/meta/0000_snapshot.json': '{}',
    });
    expect(pathsOf(found)).toEqual([
      'drizzle/0000_init.sql',
      'drizzle/0001_zebra.sql',
      'drizzle/0001_apple.sql',
      'drizzle/9999_not_in_journal.sql',
    ]);
    expect(found.every((migration) => migration.framework === 'drizzle' && migration.runsInTransaction)).toBe(
      true,
    );
  });

  it('recognises a Drizzle folder by its journal whatever it is called, and orders by name without one', () => {
    const withJournal = discover({
      'src/db/migrations/0000_a.sql': '',
      'src/db/migrations/meta/_journal.json': '{"entries":[{"idx":0,"tag":"0000_a"}]}',
    });
    expect(withJournal[0]?.framework).toBe('drizzle');
    const broken = discover({
      'drizzle/0010_b.sql': '',
      'drizzle/0002_a.sql': '',
      'drizzle/meta/_journal.json': 'not json',
    });
    expect(pathsOf(broken)).toEqual(['drizzle/0002_a.sql', 'drizzle/0010_b.sql']);
  });

  it('orders Prisma by migration folder and ignores its lock file', () => {
    const found = discover({
      'prisma/migrations/20240301120000_add_orders/migration.sql': '',
      'prisma/migrations/20240101090000_init/migration.sql': '',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"',
      'prisma/schema.prisma': 'model User {}',
    });
    expect(pathsOf(found)).toEqual([
      'prisma/migrations/20240101090000_init/migration.sql',
      'prisma/migrations/20240301120000_add_orders/migration.sql',
    ]);
    expect(found.every((migration) => migration.framework === 'prisma')).toBe(true);
  });

  it('orders Flyway by version numbers, repeatables after, undo scripts skipped', () => {
    const found = discover({
      'db/migration/V1_10__later.sql': '',
      'db/migration/V1_2__earlier.sql': '',
      'db/migration/V1.3__dotted.sql': '',
      'db/migration/V2__major.sql': '',
      'db/migration/V1__init.sql': '',
      'db/migration/R__views.sql': '',
      'db/migration/R__functions.sql': '',
      'db/migration/U2__undo_major.sql': '',
    });
    expect(pathsOf(found)).toEqual([
      'db/migration/V1__init.sql',
      'db/migration/V1_2__earlier.sql',
      'db/migration/V1.3__dotted.sql',
      'db/migration/V1_10__later.sql',
      'db/migration/V2__major.sql',
      'db/migration/R__functions.sql',
      'db/migration/R__views.sql',
    ]);
    expect(found.every((migration) => migration.framework === 'flyway' && migration.runsInTransaction)).toBe(
      true,
    );
  });

  it('knows the Flyway files that run outside a transaction', () => {
    const found = discover({
      'flyway/V1__init.sql': 'create table t (a int); -- built concurrently later',
      'flyway/V2__index.sql': 'create index concurrently t_a on t (a);',
      'flyway/V3__big_update.sql': 'update t set a = 1;',
      'flyway/V3__big_update.sql.conf': 'executeInTransaction=false\n',
    });
    expect(found.map((migration) => [migration.path, migration.runsInTransaction])).toEqual([
      ['flyway/V1__init.sql', true],
      ['flyway/V2__index.sql', false],
      ['flyway/V3__big_update.sql', false],
    ]);
  });

  it('takes golang-migrate up files in version order and skips the down files', () => {
    const found = discover({
      'migrations/000010_add_index.up.sql': '',
      'migrations/000010_add_index.down.sql': '',
      'migrations/000002_users.up.sql': '',
      'migrations/000002_users.down.sql': '',
    });
    expect(pathsOf(found)).toEqual(['migrations/000002_users.up.sql', 'migrations/000010_add_index.up.sql']);
    expect(found.map((migration) => migration.framework)).toEqual(['golang-migrate', 'golang-migrate']);
  });

  it('recognises dbmate by its header and reads its transaction setting', () => {
    const found = discover({
      'db/migrations/20240102000000_index.sql':
        '-- migrate:up transaction:false\ncreate index concurrently i on t (a);\n\n-- migrate:down\ndrop index i;\n',
      'db/migrations/20240101000000_init.sql': '-- migrate:up\ncreate table t (a int);\n-- migrate:down\n',
    });
    expect(found).toEqual([
      {
        path: 'db/migrations/20240101000000_init.sql',
        framework: 'dbmate',
        analysed: true,
        runsInTransaction: true,
      },
      {
        path: 'db/migrations/20240102000000_index.sql',
        framework: 'dbmate',
        analysed: true,
        runsInTransaction: false,
      },
    ]);
  });

  it('lists Rails and Django migrations as not analysed, and ignores schema dumps', () => {
    const found = discover({
      'db/structure.sql': 'CREATE TABLE users (id bigint);',
      'db/schema.rb': 'ActiveRecord::Schema.define',
      'db/migrate/20240101000000_create_users.rb': 'class CreateUsers',
      'db/seeds.rb': '',
      'shop/migrations/0001_initial.py': 'class Migration',
      'shop/migrations/__init__.py': '',
      'shop/models.py': '',
    });
    expect(found).toEqual([
      {
        path: 'db/migrate/20240101000000_create_users.rb',
        framework: 'rails',
        analysed: false,
        reason: 'Ruby migration: not analysed; lint the SQL it generates',
      },
      {
        path: 'shop/migrations/0001_initial.py',
        framework: 'django',
        analysed: false,
        reason: 'Python (Django) migration: not analysed; lint the SQL it generates',
      },
    ]);
  });

  it('keeps each folder together, folders in natural order, and accepts Windows separators', () => {
    const found = discover({
      'b/2.sql': '',
      'a\\10.sql': '',
      'a\\9.sql': '',
    });
    expect(pathsOf(found)).toEqual(['a/9.sql', 'a/10.sql', 'b/2.sql']);
  });

  it('survives a file it cannot read', () => {
    const found = discoverMigrations(['x/1.sql'], () => {
      throw new Error('EACCES');
    });
    expect(found).toEqual([{ path: 'x/1.sql', framework: 'sql', analysed: true }]);
  });

  it('compares names naturally and totally', () => {
    expect(['10', '2', '1'].sort(naturalCompare)).toEqual(['1', '2', '10']);
    expect(naturalCompare('a', 'A')).not.toBe(0);
  });
});
