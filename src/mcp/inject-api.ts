import type { FastifyInstance } from 'fastify';
import type { ApiAnswer, ApiMethod, ApiRequest, ShipshapeApi } from './api.ts';

/**
 * The API called in-process: each call is injected into the running server with the caller's own
 * `Authorization`, so it passes the same authentication, permissions, row-level security, rate
 * limits, audit and access log as a REST call over the network — without a socket.
 */
export function injectedApi(http: FastifyInstance, authorization: string): ShipshapeApi {
  return {
    async call(method: ApiMethod, path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
      const query: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.query ?? {}))
        if (value !== undefined) query[name] = String(value);
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...request.headers,
        authorization,
      };
      let payload: string | Buffer | undefined;
      if (request.raw) {
        headers['content-type'] = request.raw.contentType;
        payload = request.raw.data;
      } else if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(request.body);
      }
      const response = await http.inject({ method, url: path, query, headers, payload });
      const contentType = String(response.headers['content-type'] ?? '');
      const body = contentType.includes('json') && response.body ? JSON.parse(response.body) : response.body;
      return { status: response.statusCode, body, contentType };
    },
  };
}
