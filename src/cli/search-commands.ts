import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type { SearchResults } from './api-types.ts';
import { findProject } from './lookup.ts';

interface SearchOptions extends ConnectionOptions {
  type?: string;
  project?: string;
  status?: string;
  tag?: string;
  limit?: string;
  cursor?: string;
}

/** Highlighted HTML from the API as terminal text: matches in bold when the output is a terminal. */
function forTerminal(html: string): string {
  const bold = process.stdout.isTTY && !process.env.NO_COLOR;
  return html
    .replace(/<mark>/g, bold ? '\u001b[1m' : '')
    .replace(/<\/mark>/g, bold ? '\u001b[22m' : '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function describe(results: SearchResults, query: string): string {
  const byType = Object.entries(results.facets.type)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
  const lines = [`${results.total} result(s) for "${query}"${byType ? ` (${byType})` : ''}`];
  for (const hit of results.data) {
    lines.push(`  [${hit.type}] ${forTerminal(hit.titleHighlight)}${hit.status ? ` · ${hit.status}` : ''}`);
    lines.push(`      ${hit.path}`);
    if (hit.snippet) lines.push(`      ${forTerminal(hit.snippet)}`);
  }
  const hint = results.didYouMean;
  if (hint) {
    if (hint.query) lines.push(`Did you mean: ${hint.query}?`);
    for (const suggestion of hint.suggestions) lines.push(`  ${suggestion.kind}: ${suggestion.text}`);
  }
  if (results.nextCursor) lines.push(`More: --cursor ${results.nextCursor}`);
  return lines.join('\n');
}

/** `shipshape search "retry policy" --type decision_log`: the workspace's search, through the API. */
export function registerSearchCommands(program: Command): void {
  withConnectionOptions(
    program
      .command('search')
      .description('Search everything in the workspace: words, "phrases", OR, -excluded')
      .argument('<query...>', 'what to look for')
      .option('--type <types>', 'only these types, comma-separated (e.g. decision_log,prd_review)')
      .option('--project <project>', 'only this project (key or id)')
      .option('--status <status>', 'only entities with this status')
      .option('--tag <tag>', 'only entities with this tag')
      .option('--limit <n>', 'results per page (at most 100)', '20')
      .option('--cursor <cursor>', 'the next page, as the previous answer gave it'),
  ).action(async (words: string[], options: SearchOptions) => {
    const client = createApiClient(resolveConnection(options));
    const q = words.join(' ');
    const project = options.project ? (await findProject(client, options.project)).id : undefined;
    const results = await client.request<SearchResults>('GET', '/api/v1/search', {
      query: {
        q,
        type: options.type,
        project,
        status: options.status,
        tag: options.tag,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
    printResult(options, results, () => describe(results, q));
  });
}
