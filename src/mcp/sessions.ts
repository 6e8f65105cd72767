import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** An MCP session over Streamable HTTP: its server, its transport and the credential that opened it. */
export interface McpSession {
  id: string;
  server: McpServer;
  transport: StreamableHTTPServerTransport;
  /** The token that opened it; only that token may use it (another gets 404, as for an unknown id). */
  tokenId: string;
  timer?: NodeJS.Timeout;
}

/**
 * The sessions of this process. They live in memory: behind a load balancer, route a client's
 * requests to the process that opened its session (stickiness on the Mcp-Session-Id header), or a
 * request reaching another process answers 404 and the client starts a new session.
 */
export class McpSessions {
  private readonly sessions = new Map<string, McpSession>();

  constructor(
    private readonly idleMs: number,
    readonly limit: number,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  add(session: McpSession): void {
    this.sessions.set(session.id, session);
    this.touch(session);
  }

  /** The session, when it exists and belongs to this token. */
  find(id: string, tokenId: string | undefined): McpSession | undefined {
    const session = this.sessions.get(id);
    return session && session.tokenId === tokenId ? session : undefined;
  }

  /** Restarts the idle clock: a session unused for `idleMs` is closed. */
  touch(session: McpSession): void {
    if (session.timer) clearTimeout(session.timer);
    session.timer = setTimeout(() => void this.end(session.id), this.idleMs);
    session.timer.unref();
  }

  forget(id: string): void {
    const session = this.sessions.get(id);
    if (session?.timer) clearTimeout(session.timer);
    this.sessions.delete(id);
  }

  async end(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.forget(id);
    await session?.server.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id)));
  }
}
