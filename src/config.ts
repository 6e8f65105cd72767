import path from 'node:path';
import { z } from 'zod';
import type { BootstrapSettings } from './core/auth/bootstrap.ts';
import { emailAddress } from './core/auth/email.ts';
import type { AuthSettings } from './core/auth/settings.ts';
import type { TracingSettings } from './core/observability/tracing.ts';
import type { DatabaseConfig } from './db/connection.ts';

export type { DatabaseConfig };

/** The largest API contract a version upload may carry, unpacked: 20 MiB. */
export const defaultContractUploadLimitBytes = 20 * 1024 * 1024;
/** The largest SARIF log a findings upload may carry (larger answers 413). */
export const defaultSarifUploadLimitBytes = 25 * 1024 * 1024;

/** What a test-result upload may hold (TEST_* variables); larger answers 413, refused archives 422. */
export interface TestUploadLimits {
  /** The upload as sent: 1 GiB. */
  uploadBytes: number;
  /** Files in an archive: 250,000. */
  files: number;
  /** One file of an archive, unpacked (an attachment, a result): 50 MiB. */
  entryBytes: number;
  /** All files of an archive, unpacked: 4 GiB. */
  unpackedBytes: number;
}

export const defaultTestUploadLimits: TestUploadLimits = {
  uploadBytes: 1024 ** 3,
  files: 250_000,
  entryBytes: 50 * 1024 ** 2,
  unpackedBytes: 4 * 1024 ** 3,
};

/** Every environment variable Shipshape reads, with its default. README.md's table mirrors this. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CONTRACT_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(defaultContractUploadLimitBytes),
  SARIF_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(defaultSarifUploadLimitBytes),
  TEST_UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(defaultTestUploadLimits.uploadBytes),
  TEST_UPLOAD_FILE_LIMIT: z.coerce.number().int().min(1).default(defaultTestUploadLimits.files),
  TEST_ATTACHMENT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(defaultTestUploadLimits.entryBytes),
  TEST_UNPACKED_LIMIT_BYTES: z.coerce.number().int().min(1024).default(defaultTestUploadLimits.unpackedBytes),
  SHIPSHAPE_ADMIN_TOKEN: z
    .string()
    .regex(/^shp_[A-Za-z0-9_-]{16,}$/, 'must start with shp_ followed by at least 16 letters, digits, _ or -')
    .optional(),
  SHIPSHAPE_ADMIN_EMAIL: emailAddress.default('admin@localhost'),
  SHIPSHAPE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  CREDENTIAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 90)
    .default(12),
  SIGN_IN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  SIGN_IN_LOCKOUT_FAILURES: z.coerce.number().int().min(2).max(1000).default(10),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(15),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 90)
    .default(72),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_INVITATIONS_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  SHIPSHAPE_WORKSPACE_NAME: z.string().min(1).max(200).default('My workspace'),
  PUBLIC_URL: z.string().url().optional(),
  SHIPSHAPE_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SHIPSHAPE_PREVIOUS_SECRET_KEYS: z.string().optional(),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  READINESS_RECORDING_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
  SAGA_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('shipshape'),
});

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  /** The largest API contract a version upload may carry, unpacked (larger answers 413). */
  contractUploadLimitBytes: number;
  /** The largest SARIF log a findings upload may carry (larger answers 413). */
  sarifUploadLimitBytes: number;
  /** What a test-result upload may hold. */
  testUploadLimits: TestUploadLimits;
  bootstrap: BootstrapSettings;
  auth: AuthSettings;
  publicUrl?: string;
  /** Signs audit checkpoints; when unset, a key generated on first start is kept in the database. */
  secretKey?: string;
  /** Earlier values of SHIPSHAPE_SECRET_KEY, still used to read what they encrypted. */
  previousSecretKeys: string[];
  /** How often signed audit checkpoints are written (0: only on demand). */
  auditCheckpointIntervalSeconds: number;
  readinessRecordingIntervalSeconds: number;
  /**
   * How long a process's claim on a saga holds without renewal: how soon another process takes over
   * the sagas of one that died.
   */
  sagaLeaseSeconds: number;
  /** Where OpenTelemetry spans go; absent: tracing is off. */
  tracing?: TracingSettings;
}

/** Reads and validates the environment; throws one readable, one-line error listing every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(env.DATA_DIR) },
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    contractUploadLimitBytes: env.CONTRACT_UPLOAD_LIMIT_BYTES,
    sarifUploadLimitBytes: env.SARIF_UPLOAD_LIMIT_BYTES,
    testUploadLimits: {
      uploadBytes: env.TEST_UPLOAD_LIMIT_BYTES,
      files: env.TEST_UPLOAD_FILE_LIMIT,
      entryBytes: env.TEST_ATTACHMENT_LIMIT_BYTES,
      unpackedBytes: env.TEST_UNPACKED_LIMIT_BYTES,
    },
    bootstrap: {
      adminToken: env.SHIPSHAPE_ADMIN_TOKEN,
      adminEmail: env.SHIPSHAPE_ADMIN_EMAIL,
      adminPassword: env.SHIPSHAPE_ADMIN_PASSWORD,
      workspaceName: env.SHIPSHAPE_WORKSPACE_NAME,
    },
    auth: {
      sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
      freeLoginFailures: env.SIGN_IN_FREE_FAILURES,
      lockoutFailures: env.SIGN_IN_LOCKOUT_FAILURES,
      lockoutSeconds: Math.round(env.SIGN_IN_LOCKOUT_MINUTES * 60),
      invitationTtlSeconds: Math.round(env.INVITATION_TTL_HOURS * 3600),
      rateLimits: {
        signInPerMinute: env.RATE_LIMIT_SIGN_IN_PER_MINUTE,
        invitationsPerMinute: env.RATE_LIMIT_INVITATIONS_PER_MINUTE,
        perCredentialPerMinute: env.RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE,
      },
      secureCookies: env.PUBLIC_URL?.startsWith('https:') ?? false,
      credentialCacheSeconds: env.CREDENTIAL_CACHE_SECONDS,
    },
    publicUrl: env.PUBLIC_URL,
    secretKey: env.SHIPSHAPE_SECRET_KEY,
    previousSecretKeys: (env.SHIPSHAPE_PREVIOUS_SECRET_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    auditCheckpointIntervalSeconds: env.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
    readinessRecordingIntervalSeconds: env.READINESS_RECORDING_INTERVAL_SECONDS,
    sagaLeaseSeconds: env.SAGA_LEASE_SECONDS,
    tracing: tracingSettings(env),
  };
}

/**
 * Tracing is on when an OTLP endpoint is given. As in the OpenTelemetry specification, the
 * traces endpoint is used as it is, while the general endpoint gets `/v1/traces` appended.
 */
function tracingSettings(env: z.infer<typeof environmentSchema>): TracingSettings | undefined {
  const tracesEndpoint =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT && `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`);
  return tracesEndpoint ? { serviceName: env.OTEL_SERVICE_NAME, tracesEndpoint } : undefined;
}
