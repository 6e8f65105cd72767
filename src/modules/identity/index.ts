import { defineModule } from '../../core/app/module.ts';
import { meRoute, signInRoute, signOutEverywhereRoute, signOutRoute } from './routes/account.ts';
import {
  acceptInvitationRoute,
  inviteRoute,
  listInvitationsRoute,
  revokeInvitationRoute,
} from './routes/invitations.ts';
import {
  changeRoleRoute,
  createAgentRoute,
  listAgentsRoute,
  listMembersRoute,
  removeMemberRoute,
} from './routes/members.ts';
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from './routes/tokens.ts';
import { createWorkspaceRoute, listWorkspacesRoute } from './routes/workspaces.ts';

/** Identity: sign-in and sessions, workspaces, members, invitations, tokens and agents. */
export const identityModule = defineModule({
  name: 'identity',
  routes: [
    signInRoute,
    signOutRoute,
    signOutEverywhereRoute,
    meRoute,
    listWorkspacesRoute,
    createWorkspaceRoute,
    listMembersRoute,
    changeRoleRoute,
    removeMemberRoute,
    listAgentsRoute,
    createAgentRoute,
    inviteRoute,
    listInvitationsRoute,
    revokeInvitationRoute,
    acceptInvitationRoute,
    listTokensRoute,
    createTokenRoute,
    revokeTokenRoute,
  ],
});
