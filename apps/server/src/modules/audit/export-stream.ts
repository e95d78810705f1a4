import Papa from 'papaparse';
import type { ExportFormat } from '@roster/contracts';

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * An export as a web stream (it runs in mock mode's tab too): each page is read only when the
 * client has taken the previous one, so memory holds one page however long the export.
 */
export function exportStream<T>(
  pages: AsyncIterable<T[]>,
  format: ExportFormat,
  columns: readonly string[],
  toRecord: (item: T) => Record<string, unknown>,
): ReadableStream<Uint8Array> {
  return encodedStream(
    format,
    columns,
    encodedPages(pages, (page) => encodeRecords(page.map(toRecord), format, columns)),
  );
}

async function* encodedPages<T>(pages: AsyncIterable<T[]>, encode: (page: T[]) => string): AsyncGenerator<string> {
  for await (const page of pages) yield encode(page);
}

/**
 * The bytes of an export whose pages are already encoded, pulled one at a time as the client
 * takes them. CSV starts with its header row even when nothing matches.
 */
export function encodedStream(
  format: ExportFormat,
  columns: readonly string[],
  pages: AsyncIterable<string | Uint8Array>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  // The header goes out with the first page, so an export that fails at once sends nothing.
  let header = encoder.encode(format === 'csv' ? `${Papa.unparse([[...columns]], { newline: '\n' })}\n` : '');
  const withHeader = (chunk: Uint8Array) => {
    if (header.byteLength === 0) return chunk;
    const joined = new Uint8Array(header.byteLength + chunk.byteLength);
    joined.set(header);
    joined.set(chunk, header.byteLength);
    header = new Uint8Array();
    return joined;
  };
  return new ReadableStream<Uint8Array>(
    {
      // A pull that enqueues nothing is not called again: it goes on to a page with bytes, or the end.
      async pull(controller) {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            if (header.byteLength > 0) controller.enqueue(withHeader(new Uint8Array()));
            return controller.close();
          }
          const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
          if (chunk.byteLength > 0) return controller.enqueue(withHeader(chunk));
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A cell's start a spreadsheet reads as a formula, whatever follows (line breaks included). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One page of rows. In CSV a cell a spreadsheet would run as a formula (a name typed as
 * `=HYPERLINK(...)`) is kept as text with a leading apostrophe (`escapeFormulae`), as spreadsheets
 * themselves do; NDJSON carries values as they are.
 */
export function encodeRecords(
  records: Array<Record<string, unknown>>,
  format: ExportFormat,
  columns: readonly string[],
): string {
  if (format === 'ndjson') return records.map((record) => `${JSON.stringify(record)}\n`).join('');
  if (records.length === 0) return '';
  const rows = Papa.unparse(records, { columns: [...columns], header: false, newline: '\n', escapeFormulae: FORMULA });
  return `${rows}\n`;
}

/** `Content-Disposition` of a download; the name holds only safe characters. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;
}
