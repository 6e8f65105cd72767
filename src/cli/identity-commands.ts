import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type {
  Agent,
  CreatedToken,
  CreatedWorkspace,
  Invitation,
  Member,
  Token,
  Workspace,
} from './api-types.ts';

const roles = ['owner', 'admin', 'editor', 'reviewer', 'viewer', 'agent'];

function assertRole(role: string): void {
  if (!roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
}

const clientOf = (options: ConnectionOptions) => createApiClient(resolveConnection(options));

async function inviteUser(options: ConnectionOptions & { email: string; role: string }) {
  assertRole(options.role);
  const client = clientOf(options);
  const invitation = await client.request<Invitation>('POST', '/api/v1/invitations', {
    body: { email: options.email, role: options.role },
  });
  printResult(options, invitation, () =>
    [
      `Invited ${options.email} as ${options.role} (expires ${invitation.expiresAt}).`,
      'Send them this invitation token (shown once); they accept with',
      `POST ${invitation.acceptPath} {"token", "displayName", "password"}:`,
      '',
      `  ${invitation.token}`,
    ].join('\n'),
  );
}

async function listMembers(options: ConnectionOptions) {
  const members = await clientOf(options).listAll<Member>('/api/v1/members');
  printResult(options, members, () =>
    members
      .map((m) => `${m.user.id}  ${m.role.padEnd(8)}  ${m.user.kind.padEnd(6)}  ${m.user.email}`)
      .join('\n'),
  );
}

/** `user add` and `user list`. */
function addUserCommands(program: Command): void {
  const user = program.command('user').description('Members of the workspace');
  withConnectionOptions(
    user
      .command('add')
      .description('Invite someone by email; they accept with the invitation token and choose a password')
      .requiredOption('--email <email>', 'their email address')
      .option('--role <role>', `one of ${roles.filter((r) => r !== 'agent').join(', ')}`, 'editor'),
  ).action(inviteUser);
  withConnectionOptions(user.command('list').description('List the members and their roles')).action(
    listMembers,
  );
}

async function createToken(
  options: ConnectionOptions & {
    name: string;
    role?: string;
    agent?: string;
    readOnly?: boolean;
    expires?: string;
  },
) {
  if (options.role && options.role !== 'agent') {
    throw new Error('a token carries its owner’s role; only --role agent creates a new (agent) identity');
  }
  const client = clientOf(options);
  let userId = options.agent;
  if (options.role === 'agent') {
    const agent = await client.request<Agent>('POST', '/api/v1/agents', {
      body: { name: options.name },
    });
    userId = agent.user.id;
  }
  const created = await client.request<CreatedToken>('POST', '/api/v1/tokens', {
    body: {
      name: options.name,
      ...(userId ? { userId } : {}),
      ...(options.readOnly ? { readOnly: true } : {}),
      ...(options.expires ? { expiresAt: options.expires } : {}),
    },
  });
  const shown = { ...created, token: created.secret, role: options.role ?? null };
  printResult(options, shown, () =>
    [
      `Created token ${created.name} (${created.id}). The secret, shown once:`,
      '',
      `  ${created.secret}`,
    ].join('\n'),
  );
}

async function listTokens(options: ConnectionOptions) {
  const tokens = await clientOf(options).listAll<Token>('/api/v1/tokens');
  printResult(options, tokens, () =>
    tokens.map((t) => `${t.id}  ${t.revokedAt ? 'revoked' : 'active '}  ${t.name}`).join('\n'),
  );
}

async function revokeToken(id: string, options: ConnectionOptions) {
  await clientOf(options).request('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
  printResult(options, { id, revoked: true }, () => `Revoked token ${id}.`);
}

/** `token create`, `token list` and `token revoke`. */
function addTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens');
  withConnectionOptions(
    token
      .command('create')
      .description('Create an API token (the secret is shown once)')
      .requiredOption('--name <name>', 'what the token is for, e.g. ci')
      .option('--role <role>', 'agent: create a new agent identity named --name and give the token to it')
      .option('--agent <userId>', 'give the token to this existing agent (admins)')
      .option('--read-only', 'the token may only read')
      .option('--expires <time>', 'when the token stops working (ISO 8601)'),
  ).action(createToken);
  withConnectionOptions(token.command('list').description('List your tokens (never their secrets)')).action(
    listTokens,
  );
  withConnectionOptions(
    token.command('revoke').description('Revoke a token').argument('<id>', 'the token id'),
  ).action(revokeToken);
}

async function listWorkspaces(options: ConnectionOptions) {
  const workspaces = await clientOf(options).listAll<Workspace>('/api/v1/workspaces');
  printResult(options, workspaces, () =>
    workspaces.map((w) => `${w.id}  ${w.role.padEnd(8)}  ${w.name}`).join('\n'),
  );
}

async function createWorkspace(options: ConnectionOptions & { name: string }) {
  const created = await clientOf(options).request<CreatedWorkspace>('POST', '/api/v1/workspaces', {
    body: { name: options.name },
  });
  printResult(
    options,
    created,
    () => `Created workspace ${created.name} (${created.id}); you are its owner.`,
  );
}

/** `workspace list` and `workspace create`. */
function addWorkspaceCommands(program: Command): void {
  const workspace = program.command('workspace').description('Workspaces');
  withConnectionOptions(workspace.command('list').description('List the workspaces you belong to')).action(
    listWorkspaces,
  );
  withConnectionOptions(
    workspace
      .command('create')
      .description('Create a workspace; you become its owner')
      .requiredOption('--name <name>'),
  ).action(createWorkspace);
}

/** `shipshape user …`, `token …`, `workspace …`: people, credentials and workspaces, through the API. */
export function registerIdentityCommands(program: Command): void {
  addUserCommands(program);
  addTokenCommands(program);
  addWorkspaceCommands(program);
}
