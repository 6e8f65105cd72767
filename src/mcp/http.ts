import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../core/errors/app-error.ts';
import { noStore } from '../core/http/security-headers.ts';
import { injectedApi } from './inject-api.ts';
import { allowedHostsOf, originAllowed } from './origins.ts';
import { createMcpServer, mcpServerVersion } from './server.ts';
import { type McpSession, McpSessions } from './sessions.ts';

export const mcpPath = '/mcp';

export interface McpHttpSettings {
  /** Origins browsers may call from, besides the server's own (MCP_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** Host names the server answers to, besides loopback and PUBLIC_URL's (MCP_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** A session unused this long is closed (MCP_SESSION_IDLE_SECONDS, default 1800). */
  sessionIdleSeconds: number;
  /** At most this many open sessions per process (MCP_MAX_SESSIONS, default 1000). */
  maxSessions: number;
  /** The largest MCP request body (MCP_BODY_LIMIT_BYTES, default 32 MB: a SARIF log travels inside one). */
  bodyLimitBytes: number;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

export function mcpSettingsFrom(environment: NodeJS.ProcessEnv = process.env): McpHttpSettings {
  return {
    allowedOrigins: list(environment.MCP_ALLOWED_ORIGINS),
    allowedHosts: list(environment.MCP_ALLOWED_HOSTS),
    sessionIdleSeconds: positive(environment.MCP_SESSION_IDLE_SECONDS, 1800),
    maxSessions: positive(environment.MCP_MAX_SESSIONS, 1000),
    bodyLimitBytes: positive(environment.MCP_BODY_LIMIT_BYTES, 32 * 1024 * 1024),
  };
}

export interface McpRouteOptions {
  /** The API's own authentication hook: the caller's token, workspace and role. */
  authenticate: onRequestHookHandler;
  publicUrl?: string;
  settings?: Partial<McpHttpSettings>;
}

const jsonRpcError = (reply: FastifyReply, status: number, code: number, message: string) =>
  reply.code(status).type('application/json').send({ jsonrpc: '2.0', error: { code, message }, id: null });

/**
 * Streamable HTTP at /mcp: bearer token only, Host and Origin checked against DNS rebinding, one MCP
 * session per initialize (Mcp-Session-Id), bound to the token that opened it. Tools call the API
 * in-process with the caller's token, so what they may do is exactly what the caller may do on REST.
 */
export function registerMcpRoute(http: FastifyInstance, options: McpRouteOptions): void {
  const settings = { ...mcpSettingsFrom(), ...options.settings };
  const sessions = new McpSessions(settings.sessionIdleSeconds * 1000, settings.maxSessions);
  http.addHook('onClose', () => sessions.closeAll());

  const checkOrigin: onRequestHookHandler = async (request) => {
    const hosts = allowedHostsOf(http, options.publicUrl, settings);
    const host = request.headers.host?.toLowerCase() ?? '';
    if (!hosts.has(host))
      throw new AppError('forbidden', `Host ${host || '(none)'} is not one this server answers MCP on.`, {
        code: 'mcp.host_refused',
      });
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, hosts, settings.allowedOrigins))
      throw new AppError(
        'forbidden',
        `Origin ${origin} may not call this MCP server (MCP_ALLOWED_ORIGINS).`,
        {
          code: 'mcp.origin_refused',
        },
      );
  };
  const requireBearer: onRequestHookHandler = async (request) => {
    if (!/^Bearer\s+\S+/i.test(request.headers.authorization ?? ''))
      throw new AppError('unauthenticated', 'Send an API token as `Authorization: Bearer <token>`.', {
        code: 'credentials_missing',
        headers: { 'WWW-Authenticate': 'Bearer realm="shipshape"' },
      });
  };

  http.route({
    method: ['GET', 'POST', 'DELETE'],
    url: mcpPath,
    bodyLimit: settings.bodyLimitBytes,
    schema: { hide: true },
    onRequest: [noStore, checkOrigin, requireBearer, options.authenticate],
    handler: (request, reply) => handle(http, sessions, request, reply),
  });
}

async function handle(
  http: FastifyInstance,
  sessions: McpSessions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const tokenId = request.requestContext?.actor.tokenId;
  const header = request.headers['mcp-session-id'];
  const sessionId = typeof header === 'string' ? header : undefined;
  let session: McpSession | undefined;
  if (sessionId) {
    session = sessions.find(sessionId, tokenId);
    if (!session) return void jsonRpcError(reply, 404, -32001, 'Session not found');
    sessions.touch(session);
  } else if (request.method === 'POST' && isInitializeRequest(request.body)) {
    if (sessions.size >= sessions.limit)
      return void jsonRpcError(reply, 503, -32000, 'Too many open MCP sessions; try again later');
    session = await openSession(http, sessions, request.headers.authorization ?? '', tokenId ?? '');
  } else {
    return void jsonRpcError(reply, 400, -32000, 'Bad Request: no valid session id; send initialize first');
  }
  // The transport writes the answer itself; the headers set so far (security, request id) go with it.
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) reply.raw.setHeader(name, value);
  reply.hijack();
  await session.transport.handleRequest(request.raw, reply.raw, request.body);
}

async function openSession(
  http: FastifyInstance,
  sessions: McpSessions,
  authorization: string,
  tokenId: string,
): Promise<McpSession> {
  const server = createMcpServer(injectedApi(http, authorization), mcpServerVersion);
  let session: McpSession | undefined;
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    enableJsonResponse: true,
    onsessioninitialized: (id) => {
      session = { id, server, transport, tokenId };
      sessions.add(session);
    },
    onsessionclosed: (id) => sessions.forget(id),
  });
  transport.onclose = () => {
    if (transport.sessionId) sessions.forget(transport.sessionId);
  };
  await server.connect(transport);
  return session ?? { id: '', server, transport, tokenId };
}
