import type { ApiAnswer, ApiMethod, ApiRequest, ShipshapeApi } from './api.ts';

/** The API over the network, as any program calls it: fetch to `url` with the token. */
export function fetchedApi(url: string, token: string | undefined): ShipshapeApi {
  const base = url.replace(/\/+$/, '');
  return {
    async call(method: ApiMethod, path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
      const target = new URL(`${base}${path}`);
      for (const [name, value] of Object.entries(request.query ?? {}))
        if (value !== undefined) target.searchParams.set(name, String(value));
      const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | Uint8Array | undefined;
      if (request.raw) {
        headers['content-type'] = request.raw.contentType;
        body = request.raw.data;
      } else if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.body);
      }
      let response: Response;
      try {
        response = await fetch(target, { method, headers, body });
      } catch (error) {
        const reason = error instanceof Error ? String(error.cause ?? error.message) : String(error);
        return {
          status: 503,
          body: { title: 'Unreachable', detail: `cannot reach ${base}: ${reason}` },
          contentType: '',
        };
      }
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return {
        status: response.status,
        body: contentType.includes('json') && text ? JSON.parse(text) : text,
        contentType,
      };
    },
  };
}
