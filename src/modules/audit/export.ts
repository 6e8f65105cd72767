import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type ExportFormat = 'ndjson' | 'csv';

export const exportContentTypes: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** One CSV column: its header and how to take its value from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => unknown;
}

/**
 * Streams records batch by batch as NDJSON (one JSON object a line) or CSV, pulling the next batch
 * only when the client has taken the previous one: memory holds one batch, however many rows.
 */
export function exportStream<T>(
  batches: AsyncIterable<T[]>,
  format: ExportFormat,
  toJson: (record: T) => unknown,
  columns: CsvColumn<T>[],
): Readable {
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield `${columns.map((column) => csvField(column.header)).join(',')}\r\n`;
    for await (const batch of batches) {
      let chunk = '';
      for (const record of batch) {
        chunk +=
          format === 'ndjson'
            ? `${JSON.stringify(toJson(record))}\n`
            : `${columns.map((column) => csvField(column.value(record))).join(',')}\r\n`;
      }
      yield chunk;
    }
  }
  // At most two batches read ahead of the client: memory stays a few batches, whatever the total.
  return Readable.from(lines(), { highWaterMark: 2 });
}

/** An export to download, streamed as the client reads it. */
export interface ExportDownload {
  contentType: string;
  fileName: string;
  body: Readable;
}

/** The export of records as a file named `<name>.<format>`. */
export function exportDownload<T>(
  name: string,
  format: ExportFormat,
  batches: AsyncIterable<T[]>,
  toJson: (record: T) => unknown,
  columns: CsvColumn<T>[],
): ExportDownload {
  return {
    contentType: exportContentTypes[format],
    fileName: `${name}.${format}`,
    body: exportStream(batches, format, toJson, columns),
  };
}

/** Sends an export as an attachment; a stream is sent as it is, never serialized. */
export function sendExport(reply: FastifyReply, file: ExportDownload): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/**
 * One CSV field (RFC 4180). Text starting with = + - @ is prefixed with ' so that spreadsheets do
 * not run it as a formula.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
