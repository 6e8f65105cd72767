import type { Command } from 'commander';
import { runStdioServer } from '../mcp/stdio.ts';
import { resolveConnection } from './api-client.ts';

interface ConfigOptions {
  url?: string;
  tokenEnv: string;
  transport?: 'stdio' | 'http';
  json?: boolean;
}

/** The snippets MCP clients take (`mcpServers`), the token named by its variable, never written out. */
export function clientConfig(url: string, tokenEnv: string) {
  const token = `\${${tokenEnv}}`;
  return {
    stdio: {
      mcpServers: {
        shipshape: {
          command: 'npx',
          args: ['shipshape', 'mcp'],
          env: { SHIPSHAPE_URL: url, SHIPSHAPE_TOKEN: token },
        },
      },
    },
    http: {
      mcpServers: {
        shipshape: { type: 'http', url: `${url}/mcp`, headers: { Authorization: `Bearer ${token}` } },
      },
    },
  };
}

/** `shipshape mcp` (the stdio server) and `shipshape mcp config` (what to paste into a client). */
export function registerMcpCommands(program: Command): void {
  const mcp = program
    .command('mcp')
    .description('The MCP server on stdio, over the API at $SHIPSHAPE_URL with $SHIPSHAPE_TOKEN')
    .option('--url <url>', 'server URL (default: $SHIPSHAPE_URL or http://localhost:8080)')
    .option('--token <token>', 'API token (default: $SHIPSHAPE_TOKEN)')
    .action(async (options: { url?: string; token?: string }) => {
      const connection = resolveConnection(options);
      if (!connection.token)
        process.stderr.write('shipshape mcp: no SHIPSHAPE_TOKEN; every tool will answer 401\n');
      await runStdioServer(connection.url, connection.token);
    });
  mcp
    .command('config')
    .description('Print the JSON snippet MCP clients expect (stdio and Streamable HTTP)')
    .option('--url <url>', 'server URL (default: $SHIPSHAPE_URL or http://localhost:8080)')
    .option('--token-env <name>', 'the environment variable holding the token', 'SHIPSHAPE_TOKEN')
    .option('--transport <transport>', 'only this one: stdio or http')
    .option('--json', 'one JSON document with both variants')
    .action((options: ConfigOptions) => {
      const { url } = resolveConnection({ url: options.url });
      const config = clientConfig(url, options.tokenEnv);
      if (options.json) return void process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
      if (options.transport === 'stdio' || options.transport === 'http')
        return void process.stdout.write(`${JSON.stringify(config[options.transport], null, 2)}\n`);
      process.stdout.write(
        [
          '# stdio: the client starts `npx shipshape mcp`, which calls the API with the token',
          JSON.stringify(config.stdio, null, 2),
          '',
          '# Streamable HTTP: the client calls the server’s /mcp directly',
          JSON.stringify(config.http, null, 2),
          '',
          `Set ${options.tokenEnv} in the client's environment to an API token (shipshape token create).`,
          '',
        ].join('\n'),
      );
    });
}
