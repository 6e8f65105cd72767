import type { Command } from 'commander';

/** Where the CLI finds the server: flags first, then SHIPSHAPE_URL / SHIPSHAPE_TOKEN. */
export interface Connection {
  url: string;
  token?: string;
}

export interface ConnectionOptions {
  url?: string;
  token?: string;
  json?: boolean;
}

/** Adds `--url`, `--token` and `--json` to a command that talks to a running server. */
export function withConnectionOptions(command: Command): Command {
  return command
    .option('--url <url>', 'server URL (default: $SHIPSHAPE_URL or http://localhost:8080)')
    .option('--token <token>', 'API token (default: $SHIPSHAPE_TOKEN)')
    .option('--json', 'machine-readable output');
}

export function resolveConnection(
  options: ConnectionOptions,
  environment: NodeJS.ProcessEnv = process.env,
): Connection {
  const url = (options.url ?? environment.SHIPSHAPE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
  return { url, token: options.token ?? environment.SHIPSHAPE_TOKEN };
}

/** A problem answered by the server, carrying its RFC 9457 body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      title?: string;
      detail?: string;
      code?: string;
      errors?: { path: string; message: string }[];
    },
  ) {
    const fields = problem.errors?.map((error) => `${error.path}: ${error.message}`).join('; ');
    super(
      `${status} ${problem.detail ?? problem.title ?? 'request failed'}${fields && !problem.detail?.includes(fields) ? ` (${fields})` : ''}`,
    );
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Bytes or text sent as they are (a YAML file, a zip), with their content type. */
  rawBody?: { contentType: string; data: Uint8Array | string };
  headers?: Record<string, string>;
}

/** A thin client over the HTTP API; the CLI uses exactly what any other program can. */
export function createApiClient(connection: Connection) {
  async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const target = new URL(`${connection.url}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) target.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (connection.token) headers.authorization = `Bearer ${connection.token}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.rawBody) {
      headers['content-type'] = options.rawBody.contentType;
      body = options.rawBody.data;
    }
    try {
      return await fetch(target, { method, headers, body });
    } catch (error) {
      throw new Error(
        `cannot reach ${connection.url}: ${(error as Error).cause ?? (error as Error).message}`,
      );
    }
  }

  const isJson = (response: Response) => (response.headers.get('content-type') ?? '').includes('json');

  async function request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await send(method, path, options);
    const text = await response.text();
    const parsed = text && isJson(response) ? JSON.parse(text) : text;
    if (!response.ok)
      throw new ApiError(response.status, typeof parsed === 'object' && parsed ? parsed : { detail: text });
    return parsed as T;
  }

  /** The raw bytes of an answer (zip, CSV, Markdown), to be written out as they are. */
  async function download(path: string, query: RequestOptions['query'] = {}): Promise<Buffer> {
    const response = await send('GET', path, { query, headers: { accept: '*/*' } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) {
      const text = bytes.toString('utf8');
      throw new ApiError(response.status, isJson(response) ? JSON.parse(text) : { detail: text });
    }
    return bytes;
  }

  /** Every item of a paginated list, following nextCursor. */
  async function listAll<T>(path: string, query: RequestOptions['query'] = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: T[]; nextCursor: string | null } = await request('GET', path, {
        query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) },
      });
      items.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  return { request, listAll, download };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Prints JSON with --json, else the human text. */
export function printResult(options: ConnectionOptions, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
