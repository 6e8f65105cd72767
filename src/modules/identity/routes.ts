import type { FastifyInstance } from 'fastify';
import { type AuthSettings, defaultAuthSettings } from '../../core/auth/settings.ts';
import { createRateLimiter } from '../../core/http/rate-limit.ts';
import type { Database } from '../../db/connection.ts';
import { type IdentityDependencies, registerAccountRoutes, registerSignInRoute } from './auth-routes.ts';
import { registerInvitationAcceptRoute, registerInvitationRoutes } from './invitations-routes.ts';
import { registerMemberRoutes } from './members-routes.ts';
import { registerTokenRoutes } from './tokens-routes.ts';
import { registerWorkspaceRoutes } from './workspaces-routes.ts';

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
  registerInvitationAcceptRoute(app, deps);
}

/** Routes for authenticated callers: account, workspaces, members, invitations, tokens, agents. */
export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityDependencies): void {
  registerAccountRoutes(app, deps);
  registerWorkspaceRoutes(app, deps.db);
  registerMemberRoutes(app, deps.db);
  registerInvitationRoutes(app, deps);
  registerTokenRoutes(app, deps.db);
}
