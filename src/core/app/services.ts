import type { DatabaseHandle } from '../../db/connection.ts';
import { createAccessLogWriter } from '../access-log/writer.ts';
import { createCredentialCache } from '../auth/credential-cache.ts';
import { type AuthSettings, defaultAuthSettings } from '../auth/settings.ts';
import type { EventLog } from '../events/append.ts';
import { createFieldCipher } from '../events/sensitive.ts';
import { createCheckpointSigner } from '../events/signing.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import type { AppServices, AppSettings } from '../http/route.ts';
import { createBackgroundWork } from '../jobs/background.ts';
import type { Metrics } from '../observability/metrics.ts';
import { searchIndexListener } from '../resource/search-index.ts';
import { createSagaEngine, type SagaEngine } from '../sagas/engine.ts';
import { createTenancy } from '../tenancy/workspace-database.ts';
import type { Registry } from './registry.ts';

export interface ServiceOptions {
  database: DatabaseHandle;
  metrics: Metrics;
  registry: Registry;
  settings: AppSettings;
  /** Signs checkpoints and encrypts sensitive values; generated and kept in the database when absent. */
  secretKey?: string;
  previousSecretKeys?: readonly string[];
  auth?: Partial<AuthSettings>;
  onAccessLogError?: (error: unknown, lost: number) => void;
  onBackgroundError?: (name: string, error: unknown) => void;
  /** How many sagas this process drives at once. */
  sagaDrivers?: number;
  /** How long a saga's claim holds without renewal (SAGA_LEASE_SECONDS; 30 by default). */
  sagaLeaseSeconds?: number;
}

/** The app's long-lived services, built once per app from its database, settings and modules. */
export async function createAppServices(options: ServiceOptions): Promise<AppServices> {
  const { database, registry } = options;
  const cipher = await createFieldCipher(database.db, options.secretKey, options.previousSecretKeys ?? []);
  const events: EventLog = {
    cipher,
    sensitiveFields: (aggregateType) => registry.resources.sensitiveFields(aggregateType),
    listeners: [searchIndexListener(registry.resources), ...registry.listeners],
  };
  const authSettings = { ...defaultAuthSettings, ...options.auth };
  // The saga engine hands every step the services it runs in, itself included: it reads them late.
  const sagas: SagaEngine = createSagaEngine(() => services, registry.sagaTypes, {
    drivers: options.sagaDrivers,
    leaseSeconds: options.sagaLeaseSeconds,
  });
  const services: AppServices = {
    resources: registry.resources,
    events,
    tenancy: createTenancy(database),
    systemDatabase: database,
    metrics: options.metrics,
    signer: await createCheckpointSigner(database.db, options.secretKey),
    accessLog: createAccessLogWriter(database.db, { onError: options.onAccessLogError }),
    credentials: await createCredentialCache(database, { ttlMs: authSettings.credentialCacheSeconds * 1000 }),
    auth: {
      settings: authSettings,
      signInLimiter: createRateLimiter('sign-in', authSettings.rateLimits.signInPerMinute),
      invitationLimiter: createRateLimiter('invitation', authSettings.rateLimits.invitationsPerMinute),
    },
    settings: options.settings,
    background: createBackgroundWork(options.onBackgroundError ?? (() => {})),
    tables: registry.tables,
    sagas,
  };
  return services;
}
