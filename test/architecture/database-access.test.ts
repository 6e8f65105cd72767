import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { display, productionFiles } from './source.ts';

// Request-scoped code reaches the database through `scope.db`, bound to the caller's workspace
// under row-level security. Everything else — the few places that must cross workspaces or run
// before a workspace is known — is listed here with the reason. A new use of the unbound database
// fails this test until it is either moved onto `scope.db` or added here with its reason.

const unboundUses: Record<string, string> = {
  'src/app.ts': 'authentication resolves a credential before any workspace is known',
  'src/server.ts': 'start-up: migrations, bootstrap and the job queue',
  'src/core/app/services.ts': 'builds the app: keys, the access log, the tenancy itself',
  'src/core/auth/bootstrap.ts': 'first start creates the first workspace',
  'src/core/auth/credential-cache.ts': 'listens for credential changes from every workspace',
  'src/core/auth/tokens.ts': 'looks a token up to learn its workspace',
  'src/core/access-log/writer.ts': 'writes entries of every workspace in batches',
  'src/core/events/checkpoints.ts': 'signs the chains of every workspace (a job)',
  'src/core/events/subscribe.ts': 'delivers events of every workspace to subscribers',
  'src/core/http/authenticate.ts': 'resolves the caller before a workspace is known',
  'src/core/http/health.ts': 'readiness probe: is the database reachable and migrated',
  'src/core/jobs/queue.ts': 'the job queue runs across workspaces',
  'src/core/resource/scope.ts': 'declares where the unbound database is handed to services',
  'src/core/sagas/engine.ts':
    'claims the next runnable saga of any workspace; drives it in that workspace’s binding',
  'src/core/tenancy/workspace-database.ts': 'the binding itself',
  'src/modules/audit/checkpoint-job.ts': 'job: checkpoints of every workspace',
  'src/modules/audit/retention/archive-child.ts': 'job: archives access logs of every workspace',
  'src/modules/audit/retention/saga.ts': 'saga: applies a workspace’s retention policy, archive included',
  'src/modules/backup/service.ts':
    'a backup dumps the whole database, and checks which workspace is the first',
  'src/modules/delivery/history-retention.ts':
    'job: moves Jira history past each project’s retention, in every workspace',
  'src/modules/delivery/statistics.ts':
    'planner statistics after a sync or import: only the tables’ owner may gather them',
  'src/modules/delivery/sync-start.ts': 'job: finds the delivery sources of every workspace due a sync',
  'src/modules/flags/job.ts': 'job: applies the due scheduled flag changes of every workspace',
  'src/modules/flags/sdk/keys.ts': 'an SDK key is looked up by its secret to learn its workspace',
  'src/modules/identity/invitations.ts':
    'accepting an invitation: no credential yet, the token names the workspace',
  'src/modules/identity/sign-in.ts': 'signing in: the person is found by email across workspaces',
  'src/modules/identity/workspaces.ts':
    'lists and creates workspaces, beyond the one the request is bound to',
  'src/modules/plan/history.ts': 'job: finds the projects of every workspace due a daily score',
  'src/modules/prd-reviews/cache.ts': 'job: purges expired cache entries of every workspace',
  'src/modules/tasks/expiry.ts': 'job: finds the lapsed task claims of every workspace',
  'src/modules/test-evidence/abandoned-uploads.ts':
    'job: removes the cut-off uploads and leftover stored uploads of every workspace',
  'src/modules/search/settings.ts': 'ANALYZE after a rebuild needs the table owner, not the tenant role',
};

/** Reaching the unbound database: the app's handle to it, or its type. */
const unbound =
  /\bsystemDatabase\b|\b(database|handle)\.(db|query|exec|withExclusiveLock)\b|\bDatabaseHandle\b|\bimport type \{[^}]*\bDatabase\b[^}]*\}/;

describe('the one database path', () => {
  it('is the only way request-scoped code reaches the database: every other use is listed with its reason', () => {
    const found = productionFiles()
      .filter((file) => !file.includes('/src/db/') && !file.includes('/src/cli/'))
      .filter((file) => unbound.test(fs.readFileSync(file, 'utf8')))
      .map(display)
      .sort();
    expect(found).toEqual(Object.keys(unboundUses).sort());
  });

  it('opens transactions through scope.db (or savepoints in one), elsewhere only where listed', () => {
    // Files whose `db` is a WorkspaceDatabase handed in by a service (idempotent creates), or bound
    // to the workspace of the saga being driven.
    const boundParameters = [
      'src/core/http/idempotency.ts',
      'src/core/sagas/driver.ts',
      'src/core/sagas/driving.ts',
      'src/core/sagas/waits.ts',
    ];
    const sites: string[] = [];
    for (const file of productionFiles()) {
      if (
        file.includes('/src/db/') ||
        display(file) in unboundUses ||
        boundParameters.includes(display(file))
      )
        continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const receiver = /([\w.]+)\.transaction\(/.exec(line)?.[1];
          if (receiver && receiver !== 'scope.db' && receiver !== 'tx') {
            sites.push(`${display(file)}:${index + 1} ${line.trim()}`);
          }
        });
    }
    expect(sites).toEqual([]);
  });
});
