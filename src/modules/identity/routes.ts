import type { FastifyInstance } from 'fastify';
import { type AuthSettings, defaultAuthSettings } from '../../core/auth/settings.ts';
import { createRateLimiter } from '../../core/http/rate-limit.ts';
import type { Database } from '../../db/connection.ts';
import { type IdentityDependencies, registerAccountRoutes, registerSignInRoute } from './auth-routes.ts';

/** The identity module's dependencies, with its rate limiters built once per app. */
export function identityDependencies(
  db: Database,
  settings: Partial<AuthSettings> = {},
): IdentityDependencies {
  const merged = { ...defaultAuthSettings, ...settings };
  return {
    db,
    settings: merged,
    signInLimiter: createRateLimiter('sign-in', merged.rateLimits.signInPerMinute),
    invitationLimiter: createRateLimiter('invitation', merged.rateLimits.invitationsPerMinute),
  };
}

/** Routes anyone may call: sign-in and accepting an invitation. */
export function registerPublicIdentityRoutes(app: FastifyInstance, deps: IdentityDependencies): void {
  registerSignInRoute(app, deps);
}

/** Routes for authenticated callers: account, workspaces, members, invitations, tokens, agents. */
export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityDependencies): void {
  registerAccountRoutes(app, deps);
}
