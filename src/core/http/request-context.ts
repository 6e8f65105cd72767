import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../auth/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every /api route. */
    requestContext?: RequestContext;
  }
}

/** The authenticated context of an API request. Only API routes have one. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.requestContext) throw new Error('contextOf called outside an authenticated API route');
  return request.requestContext;
}

/** The request's source address and user agent, for the audit trail. */
export function clientOf(request: FastifyRequest): { sourceAddress: string; userAgent?: string } {
  return { sourceAddress: request.ip, userAgent: request.headers['user-agent']?.slice(0, 500) };
}
