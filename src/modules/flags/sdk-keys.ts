import { createHash, randomBytes } from 'node:crypto';

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
