import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { propertyOf } from '../errors/unknown-values.ts';
import { type FieldChanges, instanceSecrets } from './schema.ts';

/** How an encrypted value is stored in `event_data`: self-describing, so readers need no field list. */
export interface EncryptedValue {
  $encrypted: 'aes-256-gcm';
  /** Fingerprint of the key it was encrypted with (never the key), so keys can rotate. */
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

/** What readers without `audit.read_sensitive` see instead of a sensitive value. */
export const redacted = Object.freeze({ redacted: true });

export interface FieldCipher {
  keyId: string;
  encrypt(value: unknown): EncryptedValue;
  /** The plain value, or undefined when no key with that id is held. */
  decrypt(value: EncryptedValue): unknown;
}

interface Key {
  id: string;
  material: Buffer;
}

const storedKeyName = 'audit_field_key';

/** Derives the field key from a secret, distinct from every other key derived from the same secret. */
function keyFrom(secret: string): Key {
  const material = createHmac('sha256', secret).update('shipshape audit sensitive fields v1').digest();
  return { id: createHash('sha256').update('key id').update(material).digest('hex').slice(0, 16), material };
}

/**
 * The cipher for sensitive fields: AES-256-GCM with a fresh 96-bit IV per value. New values use
 * the key from SHIPSHAPE_SECRET_KEY (or, when unset, a random key kept in `instance_secrets`);
 * older values stay readable with any key listed in SHIPSHAPE_PREVIOUS_SECRET_KEYS and the stored key.
 */
export async function createFieldCipher(
  db: Executor,
  configuredSecret?: string,
  previousSecrets: readonly string[] = [],
): Promise<FieldCipher> {
  const keys: Key[] = [];
  if (configuredSecret) keys.push(keyFrom(configuredSecret));
  for (const secret of previousSecrets) keys.push(keyFrom(secret));
  keys.push(keyFrom(await readOrCreateStoredSecret(db)));
  const [current] = keys;
  if (!current) throw new Error('no key to encrypt with');
  return {
    keyId: current.id,
    encrypt(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.material, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final()]);
      return {
        $encrypted: 'aes-256-gcm',
        keyId: current.id,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    decrypt(value) {
      const key = keys.find((candidate) => candidate.id === value.keyId);
      if (!key) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', key.material, Buffer.from(value.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]);
      return JSON.parse(text.toString('utf8'));
    },
  };
}

async function readOrCreateStoredSecret(db: Executor): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name: storedKeyName, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, storedKeyName));
  if (!row) throw new Error('could not store the sensitive-field key');
  return row.value;
}

export function isEncrypted(value: unknown): value is EncryptedValue {
  return typeof value === 'object' && value !== null && propertyOf(value, '$encrypted') === 'aes-256-gcm';
}

/**
 * Encrypts the before and after values of the given sensitive fields. Refuses to append when there
 * is a sensitive value and no cipher: plain text must never be stored.
 */
export function protectSensitive(
  changes: FieldChanges,
  sensitiveFields: readonly string[],
  cipher: FieldCipher | null,
): FieldChanges {
  const protectedChanges: FieldChanges = { ...changes };
  for (const field of sensitiveFields) {
    const change = changes[field];
    if (!change) continue;
    if (!cipher) throw new Error(`no cipher for the sensitive field ${field}`);
    protectedChanges[field] = { before: cipher.encrypt(change.before), after: cipher.encrypt(change.after) };
  }
  return protectedChanges;
}

/**
 * Turns a stored value into what a reader may see: the plain value when `reveal` is true (or a
 * redaction marker with `keyUnknown` when no key for it is held), the redaction marker otherwise.
 * Values that were never encrypted pass through.
 */
export function readableValue(value: unknown, reveal: boolean, cipher: FieldCipher | null): unknown {
  if (!isEncrypted(value)) return value;
  if (!reveal || !cipher) return redacted;
  const plain = cipher.decrypt(value);
  return plain === undefined ? { redacted: true, keyUnknown: value.keyId } : plain;
}

/** The changes of an event as a reader may see them (see readableValue). */
export function readableChanges(
  changes: FieldChanges,
  reveal: boolean,
  cipher: FieldCipher | null,
): FieldChanges {
  const shown: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    shown[field] = {
      before: readableValue(change.before, reveal, cipher),
      after: readableValue(change.after, reveal, cipher),
    };
  }
  return shown;
}
