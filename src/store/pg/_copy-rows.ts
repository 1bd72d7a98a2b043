import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A cell of a COPY row: null is SQL NULL; numbers and strings as they are. */
export type CopyCell = string | number | null;

/** Characters COPY's text format gives a meaning to, escaped with a backslash. */
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One cell in COPY's text format. */
function encodeCell(cell: CopyCell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') return String(cell);
  return cell.replace(SPECIAL, (c) => ESCAPES[c]!);
}

/** The rows as COPY text, about 1 MB a chunk (never one string of the whole batch). */
function* encodeRows(rows: Iterable<readonly CopyCell[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(encodeCell).join('\t')}\n`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams rows into `table` with COPY FROM STDIN (text format) on `client`, inside the caller's
 * transaction: several times faster than INSERTs of parameter arrays for the 200 value rows of
 * every record. Resolves the number of rows written.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyCell[]>,
): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encodeRows(rows)), sink);
  return sink.rowCount;
}
