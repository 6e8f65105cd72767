import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';

/** The server's answer to a streamed upload. */
export interface StreamAnswer {
  status: number;
  statusText: string;
  text: string;
}

/**
 * POSTs a stream and answers with what the server said. A server may refuse an upload before it
 * has read it (413 from Content-Length, 422 as soon as an archive entry is refused) and close the
 * connection while bytes are still on their way: its answer is what counts then, not the broken
 * pipe. fetch reports only the broken pipe in that case, so this uses node:http, which gives the
 * answer as soon as it arrives.
 */
export function postStream(
  target: URL,
  headers: Record<string, string>,
  body: Readable,
): Promise<StreamAnswer> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = transport.request(target, { method: 'POST', headers }, (response) => {
      answered = true;
      body.unpipe(request);
      body.destroy();
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', (error) => {
      if (answered) return;
      body.destroy();
      reject(error);
    });
    body.on('error', (error) => {
      if (answered) return;
      request.destroy(error);
    });
    body.pipe(request);
  });
}
