import type { FastifyReply } from 'fastify';

/** What an SDK endpoint answers: a status, headers, and a body already serialized as JSON (or none). */
export interface SdkAnswer {
  status: 200 | 202 | 304;
  headers?: Record<string, string>;
  /** JSON text: the hot paths serialize once (or not at all, for a cached payload). */
  json?: string;
}

/** Sends an answer as it is: the services have shaped and serialized it. */
export function sendAnswer(reply: FastifyReply, answer: SdkAnswer): FastifyReply {
  reply.code(answer.status);
  if (answer.headers) reply.headers(answer.headers);
  if (answer.json === undefined) return reply.send();
  return reply.type('application/json; charset=utf-8').send(answer.json);
}

/** Does the request's If-None-Match name this ETag (or `*`)? */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}
