import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { fetchedApi } from './fetch-api.ts';
import { createMcpServer, mcpServerVersion } from './server.ts';

/**
 * The MCP server on stdin/stdout, for clients that start it as a command: the same tools, talking
 * to the server at `url` over its REST API with the token. Resolves when the client disconnects.
 */
export async function runStdioServer(url: string, token: string | undefined): Promise<void> {
  const server = createMcpServer(fetchedApi(url, token), mcpServerVersion);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
