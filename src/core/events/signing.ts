import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { instanceSecrets } from './schema.ts';

const storedKeyName = 'audit_checkpoint_key';

/** Signs and checks checkpoints. Holds the current key and any older key it can still check with. */
export interface CheckpointSigner {
  /** Fingerprint of the key new checkpoints are signed with. */
  keyId: string;
  sign(workspaceId: string, sequence: number, headHash: string): string;
  /** 'valid', 'invalid', or 'unknown_key' when no key with that id is held. */
  check(
    keyId: string,
    workspaceId: string,
    sequence: number,
    headHash: string,
    signature: string,
  ): 'valid' | 'invalid' | 'unknown_key';
}

interface Key {
  id: string;
  material: Buffer;
}

/** Derives the checkpoint key from a secret, so the same secret can serve other purposes safely. */
function keyFrom(secret: string): Key {
  const material = createHmac('sha256', secret).update('shipshape audit checkpoints v1').digest();
  return { id: createHash('sha256').update('key id').update(material).digest('hex').slice(0, 16), material };
}

function signWith(key: Key, workspaceId: string, sequence: number, headHash: string): string {
  return createHmac('sha256', key.material).update(`${workspaceId}\n${sequence}\n${headHash}`).digest('hex');
}

/**
 * The checkpoint signer. With SHIPSHAPE_SECRET_KEY the key lives outside the database, so whoever
 * can write the database cannot forge a checkpoint. Without it, a random key is generated on first
 * start and kept in `instance_secrets`: checkpoints then still catch accidental damage and anyone
 * without database access, but not someone who can read that table (docs/audit.md).
 */
export async function createCheckpointSigner(
  db: Executor,
  configuredSecret?: string,
): Promise<CheckpointSigner> {
  const keys: Key[] = [];
  if (configuredSecret) keys.push(keyFrom(configuredSecret));
  const stored = configuredSecret ? await readStoredSecret(db) : await readOrCreateStoredSecret(db);
  if (stored) keys.push(keyFrom(stored));
  const current = keys[0];
  if (!current) throw new Error('no checkpoint key');
  return {
    keyId: current.id,
    sign: (workspaceId, sequence, headHash) => signWith(current, workspaceId, sequence, headHash),
    check: (keyId, workspaceId, sequence, headHash, signature) => {
      const key = keys.find((candidate) => candidate.id === keyId);
      if (!key) return 'unknown_key';
      const expected = Buffer.from(signWith(key, workspaceId, sequence, headHash), 'hex');
      const given = Buffer.from(signature, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
    },
  };
}

async function readStoredSecret(db: Executor): Promise<string | undefined> {
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, storedKeyName));
  return row?.value;
}

async function readOrCreateStoredSecret(db: Executor): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name: storedKeyName, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const value = await readStoredSecret(db);
  if (!value) throw new Error('could not store the checkpoint key');
  return value;
}
