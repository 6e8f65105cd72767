import { z } from 'zod';
import { emailAddress } from '../../core/auth/email.ts';
import { maximumPasswordLength, minimumPasswordLength } from '../../core/auth/passwords.ts';
import { roles, userKinds } from '../../core/auth/schema.ts';

export const emailSchema = emailAddress;
export const passwordSchema = z
  .string()
  .min(minimumPasswordLength, `must be at least ${minimumPasswordLength} characters`)
  .max(maximumPasswordLength)
  .describe(`At least ${minimumPasswordLength} characters`);
export const displayNameSchema = z.string().trim().min(1).max(200);
export const roleSchema = z.enum(roles).describe('owner, admin, editor, reviewer, viewer or agent');

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  kind: z.enum(userKinds),
});

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema.describe('Your role in this workspace'),
  createdAt: z.date(),
});

export const memberSchema = z.object({
  user: userSchema,
  role: roleSchema,
  joinedAt: z.date(),
});

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid().describe('Whose token it is (a person or an agent)'),
  prefix: z.string().describe('The first characters of the secret, to tell tokens apart'),
  readOnly: z.boolean(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable().describe('Updated at most once a minute'),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: z.date(),
  createdAt: z.date(),
});

/** `?limit=&cursor=` for identity lists, ordered by id (UUIDv7, so by creation time). */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (default 50, at most 200)'),
  cursor: z.uuid().optional().describe('The nextCursor of the previous page'),
});

/** Cuts a fetched `limit + 1` rows into a page and its cursor. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  idOf: (row: T) => string,
): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? idOf(last) : null };
}
