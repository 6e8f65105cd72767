// Measuring pieces of the delivery benchmark: a resident-memory sampler and an in-process API caller.
import type { FastifyInstance } from 'fastify';

export interface RssSampler {
  /** The highest RSS (bytes) seen since the last `restart`, sampled every 250 ms and at each call. */
  peak(): number;
  /** Starts a new peak from the current RSS. */
  restart(): void;
  stop(): void;
}

/** Samples process.memoryUsage().rss every 250 ms: the app, PGlite (when used) and the replay server. */
export function startRssSampler(): RssSampler {
  let highest = process.memoryUsage().rss;
  const sample = () => {
    highest = Math.max(highest, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 250);
  return {
    peak() {
      sample();
      return highest;
    },
    restart() {
      highest = process.memoryUsage().rss;
    },
    stop: () => clearInterval(timer),
  };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiCaller {
  get(path: string, query?: Record<string, string>): Promise<ApiAnswer>;
  post(path: string, body: object): Promise<ApiAnswer>;
}

/** Calls the app through Fastify's inject (no socket) with the owner's bearer token. */
export function apiCaller(http: FastifyInstance, token: string): ApiCaller {
  const authorization = `Bearer ${token}`;
  const answer = (response: { statusCode: number; body: string }): ApiAnswer => ({
    status: response.statusCode,
    body: response.body ? JSON.parse(response.body) : null,
  });
  return {
    get: async (url, query) =>
      answer(await http.inject({ method: 'GET', url, query, headers: { authorization } })),
    post: async (url, payload) =>
      answer(await http.inject({ method: 'POST', url, payload, headers: { authorization } })),
  };
}

/** The answer's body when its status is the one expected; otherwise an error that shows the answer. */
export function expectStatus(answer: ApiAnswer, status: number, what: string): unknown {
  if (answer.status !== status)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return answer.body;
}

export const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
