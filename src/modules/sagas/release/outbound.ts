import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Outbound calls of release steps. A call goes only to a host the project allows (host or
// host:port, or `*.domain` whose addresses must then be public); redirects are never followed;
// every call is bounded in time; a host that keeps failing is cut off for a while (circuit
// breaker); secrets reach the other side but never the saved output.

/** The values templates read: `{{secrets.NAME}}`, `{{inputs.name}}`, `{{outputs.step.field…}}`. */
export interface TemplateValues {
  secrets: Record<string, string>;
  inputs: Record<string, string>;
  outputs: Record<string, unknown>;
}

const placeholder = /\{\{\s*(secrets|inputs|outputs)\.([A-Za-z0-9_.-]+)\s*\}\}/g;

function lookupPath(root: unknown, path: string[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.entries(value).find(([key]) => key === part)?.[1];
  }
  return value;
}

/** The template with its placeholders filled; an unknown secret or input fails the step. */
export function render(template: string, values: TemplateValues): string {
  return template.replace(placeholder, (_match, source: string, path: string) => {
    if (source === 'secrets') {
      const secret = values.secrets[path];
      if (secret === undefined) throw new Error(`the project has no release secret ${path}`);
      return secret;
    }
    if (source === 'inputs') {
      const input = values.inputs[path];
      if (input === undefined) throw new Error(`the run has no input ${path}`);
      return input;
    }
    const found = lookupPath(values.outputs, path.split('.'));
    if (found === undefined) throw new Error(`no output ${path}`);
    return typeof found === 'string' ? found : JSON.stringify(found);
  });
}

/** Every string of a JSON value rendered. */
export function renderJson(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') return render(value, values);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderJson(item, values)]));
  return value;
}

/** The value with every secret's text replaced by `[redacted]`, wherever it appears. */
export function redact<T>(value: T, secrets: readonly string[]): T;
export function redact(value: unknown, secrets: readonly string[]): unknown {
  const present = secrets.filter((secret) => secret.length > 0);
  if (!present.length) return value;
  if (typeof value === 'string')
    return present.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (Array.isArray(value)) return value.map((item) => redact(item, present));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key, present), redact(item, present)]),
    );
  return value;
}

const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(network, prefix, 'ipv6');

/** Loopback, private, link-local, multicast or reserved (IPv4-mapped IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Refuses (throws) a URL the project may not call: not http(s), not listed, or — for a host matched
 * only by a `*.domain` entry — resolving to an internal address. A listed host or host:port is
 * allowed as it is (that is how a project reaches its own internal deploy service).
 */
export async function assertAllowed(url: URL, allowedHosts: readonly string[]): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${url.protocol} URLs are not called; use http or https`);
  if (url.username || url.password)
    throw new Error('URLs with credentials are not called; use a secret header');
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hostname = url.hostname.toLowerCase();
  if (allowedHosts.includes(hostname) || allowedHosts.includes(`${hostname}:${port}`)) return;
  const wildcard = allowedHosts.some(
    (entry) =>
      entry.startsWith('*.') && hostname.endsWith(entry.slice(1)) && hostname.length > entry.length - 1,
  );
  if (!wildcard)
    throw new Error(`${url.host} is not among the project's release allowed hosts; no request was made`);
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  const blocked = addresses.find((entry) => isInternalAddress(entry.address));
  if (blocked)
    throw new Error(
      `${url.host} resolves to the internal address ${blocked.address}; list the host itself to call it`,
    );
}

/** After this many failures in a row a host is not called for `openMs`; then one try decides. */
const breakerThreshold = 5;
const breakerOpenMs = 30_000;
const breakers = new Map<string, { failures: number; openUntil: number }>();

function assertClosed(host: string): void {
  const breaker = breakers.get(host);
  if (breaker && breaker.failures >= breakerThreshold && Date.now() < breaker.openUntil)
    throw new Error(
      `${host} failed ${breaker.failures} times in a row; calls to it pause until ${new Date(breaker.openUntil).toISOString()}`,
    );
}

function recordOutcome(host: string, ok: boolean): void {
  if (ok) {
    breakers.delete(host);
    return;
  }
  const breaker = breakers.get(host) ?? { failures: 0, openUntil: 0 };
  breaker.failures += 1;
  if (breaker.failures >= breakerThreshold) breaker.openUntil = Date.now() + breakerOpenMs;
  breakers.set(host, breaker);
}

export interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  expectedStatus: readonly number[];
  timeoutMs: number;
  saveHeaders: readonly string[];
  idempotencyKey: string;
  signal: AbortSignal;
}

export interface OutboundAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  truncated: boolean;
}

const maxSavedBody = 64 * 1024;

async function readBounded(response: Response): Promise<{ text: string; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxSavedBody) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const truncated = size >= maxSavedBody;
  if (truncated) await reader.cancel().catch(() => undefined);
  const text = Buffer.concat(chunks).subarray(0, maxSavedBody).toString('utf8');
  return { text, truncated };
}

function bodyOf(text: string, contentType: string | null): unknown {
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Makes one call after checking its target, never following redirects, bounded by `timeoutMs` and
 * the step's signal. Throws when the status is not expected (a 3xx names its Location).
 */
export async function callOut(
  request: OutboundRequest,
  allowedHosts: readonly string[],
): Promise<OutboundAnswer> {
  const url = new URL(request.url);
  await assertAllowed(url, allowedHosts);
  assertClosed(url.host);
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: { ...request.headers, 'idempotency-key': request.idempotencyKey },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
  } catch (error) {
    recordOutcome(url.host, false);
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new Error(
      timedOut
        ? `${request.method} ${url.origin}${url.pathname} took longer than ${request.timeoutMs} ms`
        : `${request.method} ${url.origin}${url.pathname} failed: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
  const { text, truncated } = await readBounded(response);
  const headers: Record<string, string> = {};
  for (const name of request.saveHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name.toLowerCase()] = value;
  }
  const expected = request.expectedStatus.includes(response.status);
  recordOutcome(url.host, expected || response.status < 500);
  if (!expected) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400)
      throw new Error(
        `${request.method} ${url.origin}${url.pathname} answered ${response.status} redirecting to ${location ?? '(no Location)'}; redirects are not followed`,
      );
    throw new Error(
      `${request.method} ${url.origin}${url.pathname} answered ${response.status}, expected ${request.expectedStatus.join(', ')}: ${text.slice(0, 200)}`,
    );
  }
  return {
    status: response.status,
    headers,
    body: bodyOf(text, response.headers.get('content-type')),
    truncated,
  };
}
