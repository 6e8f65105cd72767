import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, listRows } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { SdkKeyCreate, SdkKeyOutput } from './operations-contracts.ts';
import { sdkKeyResource } from './resource.ts';
import { environmentByKey, environmentsOf } from './store.ts';
import type { FlagEnvironmentRow, FlagSdkKeyRow } from './tables.ts';

// SDK keys authenticate applications, not people. The secret is shown once when the key is made;
// only its SHA-256 is kept, so a leaked database does not leak working keys.

export type SdkKeyKind = 'server' | 'client';

const secretPrefixes: Record<SdkKeyKind, string> = { server: 'shp_srv_', client: 'shp_cli_' };

/** How many characters of the secret are kept to tell keys apart in lists. */
const shownPrefixLength = 12;

/** SHA-256 of the secret, hex: what is stored and what an incoming key is looked up by. */
export function hashSdkSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new secret for a key of this kind: the kind's prefix and 32 random bytes, base64url. */
export function newSdkSecret(kind: SdkKeyKind): { secret: string; prefix: string; secretHash: string } {
  const secret = `${secretPrefixes[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, shownPrefixLength), secretHash: hashSdkSecret(secret) };
}

// The SDK keys of a project: made (the secret answered once), listed without secrets, revoked.

/** A key as lists show it: never the secret nor its hash. */
export function sdkKeyView(row: FlagSdkKeyRow, environment: FlagEnvironmentRow | undefined): SdkKeyOutput {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    projectId: row.projectId,
    environmentId: row.environmentId,
    environment: environment?.key ?? '',
    name: row.name,
    kind: row.kind,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** GET /flag-sdk-keys: a page of the project's keys, newest first, revoked ones included. */
export async function listSdkKeys(scope: Scope, query: { limit: number; cursor?: string }) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const page = await listRows(db, sdkKeyResource, scope, query);
    const environments = await environmentsOf(db, scope);
    const byId = new Map(environments.map((environment) => [environment.id, environment]));
    return {
      data: page.data.map((row) => sdkKeyView(row, byId.get(row.environmentId))),
      nextCursor: page.nextCursor,
    };
  });
}

/** POST /flag-sdk-keys: a new key for an environment; the answer carries the secret, once. Audited. */
export async function createSdkKey(
  scope: Scope,
  input: SdkKeyCreate,
): Promise<SdkKeyOutput & { secret: string }> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const environment = await environmentByKey(tx, scope, input.environment);
    const { secret, prefix, secretHash } = newSdkSecret(input.kind);
    const row = await createRow(tx, sdkKeyResource, scope, {
      environmentId: environment.id,
      name: input.name,
      kind: input.kind,
      prefix,
      secretHash,
      createdBy: scope.ctx.actor.userId,
    });
    return { ...sdkKeyView(row, environment), secret };
  });
}

/** DELETE /flag-sdk-keys/{id}: the key stops working at once; it stays listed, revoked. Audited. */
export async function revokeSdkKey(scope: Scope, id: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const current = await getRow(tx, sdkKeyResource, scope, id, true);
    if (current.revokedAt) return;
    await changeRow(tx, sdkKeyResource, scope, current, {
      values: { revokedAt: new Date() },
      event: 'revoked',
    });
  });
}
