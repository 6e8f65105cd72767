import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../http/errors.ts';
import { clientOf } from '../http/request-context.ts';
import { authenticateToken } from './tokens.ts';

/**
 * Resolves the caller of an API request from `Authorization: Bearer <token>` and puts the request
 * context on the request. Without valid credentials the request ends here with 401.
 */
export function createAuthenticationHook(db: Database) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new AppError('unauthenticated', 'Send an API token as `Authorization: Bearer <token>`.', {
        code: 'credentials_missing',
        headers: { 'WWW-Authenticate': 'Bearer realm="shipshape"' },
      });
    }
    const authenticated = await authenticateToken(db, match[1]);
    if (!authenticated) {
      throw new AppError('unauthenticated', 'The token is unknown, revoked or expired.', {
        code: 'credentials_invalid',
        headers: { 'WWW-Authenticate': 'Bearer realm="shipshape", error="invalid_token"' },
      });
    }
    request.requestContext = {
      requestId: String(request.id),
      workspaceId: authenticated.workspaceId,
      actor: authenticated.actor,
      ...clientOf(request),
    };
  };
}
