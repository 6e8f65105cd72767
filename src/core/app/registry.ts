import type { PgTable } from 'drizzle-orm/pg-core';
import type { Permission } from '../auth/permissions.ts';
import type { AppendListener } from '../events/append.ts';
import type { ExternalApi } from '../http/external-api.ts';
import { resourceRoutes } from '../http/resource-routes.ts';
import { type AnyRoute, isPublicRoute } from '../http/route.ts';
import { createResourceCatalog, type ResourceCatalog } from '../resource/catalog.ts';
import type { AnySagaType } from '../sagas/define.ts';
import { coreTables } from './core-tables.ts';
import type { ModuleDefinition, ModuleJob } from './module.ts';

/** What one app serves: the union of its installed modules, checked for clashes. */
export interface Registry {
  modules: readonly ModuleDefinition[];
  resources: ResourceCatalog;
  /** Every route, module by module: the generic ones of its resources, then its own. */
  routes: readonly AnyRoute[];
  /** The APIs served outside /api/v1, each with its own authentication. */
  externalApis: readonly ExternalApi[];
  /** Every permission a route, resource or service of the app uses, by name. */
  permissions: ReadonlyMap<string, Permission>;
  jobs: readonly ModuleJob[];
  listeners: readonly AppendListener[];
  /** Every saga type of the app's modules. */
  sagaTypes: readonly AnySagaType[];
  /** Every table of the app: the core's, then each module's. */
  tables: readonly PgTable[];
}

export function createRegistry(modules: readonly ModuleDefinition[]): Registry {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Module ${module.name} is installed twice`);
    names.add(module.name);
  }
  const resources = createResourceCatalog(modules.flatMap((module) => module.resources ?? []));
  // Module by module, so the OpenAPI document reads capability by capability.
  const routes = modules.flatMap((module) => [
    ...(module.resources ?? []).flatMap(resourceRoutes),
    ...(module.routes ?? []),
  ]);
  const permissions = new Map<string, Permission>();
  const addPermission = (permission: Permission) => {
    const existing = permissions.get(permission.name);
    if (existing && existing.classes.join() !== permission.classes.join())
      throw new Error(`Permission ${permission.name} is declared twice with different classes`);
    permissions.set(permission.name, permission);
  };
  for (const route of routes) if (!isPublicRoute(route)) addPermission(route.permission);
  for (const definition of resources.all()) Object.values(definition.permissions).forEach(addPermission);
  for (const module of modules) module.permissions?.forEach(addPermission);
  const jobs = modules.flatMap((module) => module.jobs ?? []);
  const jobNames = new Set<string>();
  for (const job of jobs) {
    if (jobNames.has(job.name)) throw new Error(`Job ${job.name} is declared twice`);
    jobNames.add(job.name);
  }
  return {
    modules,
    resources,
    routes,
    externalApis: modules.flatMap((module) => module.externalApis ?? []),
    permissions,
    jobs,
    listeners: modules.flatMap((module) => module.listeners ?? []),
    sagaTypes: modules.flatMap((module) => module.sagas ?? []),
    tables: [...coreTables, ...modules.flatMap((module) => module.tables ?? [])],
  };
}
