import type { PgTable } from 'drizzle-orm/pg-core';
import type { Permission } from '../auth/permissions.ts';
import type { AppendListener } from '../events/append.ts';
import type { ExternalApi } from '../http/external-api.ts';
import type { AnyRoute, AppServices } from '../http/route.ts';
import type { AnyResource } from '../resource/define.ts';
import type { AnySagaType } from '../sagas/define.ts';

/** A recurring job of a module, run once across all server processes by the job queue. */
export interface ModuleJob {
  /** Stable name: the queue's name. */
  name: string;
  /** When it runs, as a cron expression in UTC (minute resolution), or null when the app's settings turn it off. */
  schedule(app: AppServices): string | null;
  /** Must be idempotent: a run that fails, or whose process dies, is retried (maybe elsewhere). */
  run(app: AppServices): Promise<void>;
  /** Also run once in the background when a server starts (to resume work a stopped process left). */
  runAtStart?: boolean;
}

/**
 * One capability, as the app installs it: everything it adds, listed in one value. Nothing in a
 * module registers itself on import; the app decides which modules it runs.
 */
export interface ModuleDefinition {
  /** The folder name under src/modules. */
  name: string;
  /** Resources the module declares; each gets the generic list/get/create/update/delete routes. */
  resources?: readonly AnyResource[];
  /** The module's other routes (use cases beyond CRUD). */
  routes?: readonly AnyRoute[];
  /** APIs outside /api/v1 for applications, with their own keys (e.g. feature-flag SDKs). */
  externalApis?: readonly ExternalApi[];
  /** Permissions services check that no route or resource declares (state-dependent rules). */
  permissions?: readonly Permission[];
  /** Recurring jobs on the job queue. */
  jobs?: readonly ModuleJob[];
  /** Kinds of saga the module starts (docs/sagas.md): the engine drives them in every process. */
  sagas?: readonly AnySagaType[];
  /** Work that commits with every audit event (in the event's transaction). */
  listeners?: readonly AppendListener[];
  /** The tables the module owns (the schema export documents them). */
  tables?: readonly PgTable[];
}

/** Declares a module. An identity function that checks the declaration is coherent. */
export function defineModule(module: ModuleDefinition): ModuleDefinition {
  if (!/^[a-z][a-z0-9-]*$/.test(module.name)) throw new Error(`Module name ${module.name} is not a slug`);
  return module;
}
