import type { FastifyReply } from 'fastify';

/** A file to download: what it is, what to call it, and its content. */
export interface Download {
  contentType: string;
  fileName: string;
  body: string | Buffer;
}

/** Sends a file as an attachment, so that browsers save it under its name. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  const safeName = file.fileName.replace(/["\\\r\n]/g, '_');
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .send(file.body);
}
