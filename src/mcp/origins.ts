import type { FastifyInstance } from 'fastify';

const loopback = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Host header values this server answers MCP on: loopback at the port it listens on, the
 * address it is bound to, PUBLIC_URL's host, and MCP_ALLOWED_HOSTS. A DNS-rebinding page reaches the
 * server under its own attacker-controlled name, which is not among them.
 */
export function allowedHostsOf(
  http: FastifyInstance,
  publicUrl: string | undefined,
  settings: { allowedHosts: string[]; allowedOrigins: string[] },
): Set<string> {
  const hosts = new Set<string>();
  const address = http.server.address();
  if (address && typeof address === 'object') {
    for (const name of loopback) hosts.add(`${name}:${address.port}`);
    if (!['0.0.0.0', '::'].includes(address.address)) {
      const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      hosts.add(`${bound}:${address.port}`);
    }
  }
  for (const url of [publicUrl, ...settings.allowedOrigins]) if (url) hosts.add(hostOf(url));
  for (const host of settings.allowedHosts) hosts.add(host.toLowerCase());
  return hosts;
}

/** host[:port] of a URL, the port left out when it is the scheme's default (as browsers send Host). */
function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** An Origin is allowed when listed in MCP_ALLOWED_ORIGINS or when it is one of the allowed hosts. */
export function originAllowed(origin: string, hosts: Set<string>, allowedOrigins: string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return ['http:', 'https:'].includes(url.protocol) && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}
