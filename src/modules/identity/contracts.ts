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

export const signInSchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(1024) });

export const signedInSchema = z.object({
  user: userSchema,
  csrfToken: z.string().describe('Send it as X-CSRF-Token on every write made with the session cookie'),
  expiresAt: z.date().describe('When the session ends'),
});

export const meSchema = z.object({
  user: userSchema,
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  role: roleSchema,
  credential: z.object({
    kind: z.enum(['token', 'session']),
    id: z.uuid(),
    readOnly: z.boolean(),
    expiresAt: z.date().nullable(),
  }),
  csrfToken: z.string().nullable().describe('For session requests: send it as X-CSRF-Token on writes'),
});

export const invitationCreateSchema = z.strictObject({ email: emailSchema, role: roleSchema });

export const invitationCreatedSchema = invitationSchema.extend({
  token: z.string().describe('Shown this once; only a hash is kept'),
  acceptPath: z.string(),
});

export const invitationAcceptSchema = z.strictObject({
  token: z.string().min(10).max(200),
  displayName: displayNameSchema.optional().describe('Required for a new account'),
  password: passwordSchema,
});

export const invitationAcceptedSchema = z.object({
  user: userSchema,
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  role: roleSchema,
});

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  readOnly: z.boolean().default(false).describe('A read-only token may only read, whatever the role'),
  expiresAt: z.coerce.date().optional().describe('When it stops working (ISO 8601); none by default'),
  userId: z.uuid().optional().describe('An agent of this workspace (admins only); default: you'),
});

export const tokenCreatedSchema = tokenSchema.extend({
  secret: z.string().describe('Shown this once; only a hash is kept'),
});

export const userIdParams = z.object({ userId: z.uuid().describe('The member’s user id') });

export type PageQuery = z.output<typeof pageQuery>;
