/** Rows into PostgreSQL through COPY (text format), streamed in chunks with backpressure. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Ids } from './random';

export const NULL = '\\N';

/** A text value for COPY's text format: backslash, tab and line breaks escaped; null is \N. */
export function text(value: string | null | undefined): string {
  if (value == null) return NULL;
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** A text[] of code words (no quotes, commas or braces in them). */
export function codes(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

export const bool = (b: boolean) => (b ? 't' : 'f');
export const ref = (ids: readonly string[], i: number) => (i >= 0 ? ids[i] : NULL);

const PAD = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const days = new Map<number, string>();

/**
 * An instant (epoch milliseconds) as timestamptz text, to the second (flooring keeps the
 * order of instants); fast, since the date part is cached per day.
 */
export function instant(ms: number | null): string {
  return ms == null ? NULL : seconds(Math.floor(ms / 1000)) + '+00';
}

function seconds(s: number): string {
  const day = Math.floor(s / 86400);
  let date = days.get(day);
  if (date === undefined) days.set(day, (date = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  const rest = s - day * 86400;
  return `${date} ${PAD[Math.floor(rest / 3600)]}:${PAD[Math.floor(rest / 60) % 60]}:${PAD[rest % 60]}`;
}

/** Epoch seconds (0: none) as timestamptz text. */
export function instantS(s: number): string {
  return s === 0 ? NULL : seconds(s) + '+00';
}

/** Lines joined into chunks of about 256 KiB, so the stream does not carry millions of tiny writes. */
function* chunks(lines: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    buf.push(line);
    size += line.length;
    if (size > 1 << 17) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join('');
}

/** COPYs the rows (each a line of tab-separated fields ending in \n) into the table; returns the rows written. */
export async function copyInto(client: ClientBase, table: string, columns: readonly string[], rows: Iterable<string>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(rows)), stream);
  return stream.rowCount;
}

/** Seconds between the Unix epoch and PostgreSQL's (2000-01-01), which binary timestamps count from. */
const PG_EPOCH_S = 946_684_800;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const CHUNK = 1 << 20;

/**
 * Rows in COPY's binary format, for the tables with millions of rows: uuids as 16 bytes
 * and instants as integers cost far less to write here and to read in the server than
 * their text. Fields go in the table's column order; `rows()` yields filled chunks.
 */
export class BinaryRows {
  buf = Buffer.allocUnsafe(CHUNK);
  pos = 0;

  constructor(private readonly fields: number) {
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags
    this.buf.writeInt32BE(0, 15); // header extension length
    this.pos = 19;
  }

  /** Starts a row; hands back a full chunk first when the buffer is nearly full. */
  row(): Buffer | null {
    const full = this.pos > CHUNK - 4096 ? this.take() : null;
    this.buf.writeInt16BE(this.fields, this.pos);
    this.pos += 2;
    return full;
  }

  null(): void {
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
  }

  /** The uuid at `index` of `source` (made with Ids.allBytes), or null for a negative index. */
  uuidAt(source: Buffer, index: number): void {
    if (index < 0) return this.null();
    this.buf.writeInt32BE(16, this.pos);
    source.copy(this.buf, this.pos + 4, 16 * index, 16 * index + 16);
    this.pos += 20;
  }

  /** The uuid of row `index` of a table. */
  uuidOf(ids: Ids, index: number): void {
    this.buf.writeInt32BE(16, this.pos);
    ids.write(index, this.buf, this.pos + 4);
    this.pos += 20;
  }

  int4(n: number): void {
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(n, this.pos + 4);
    this.pos += 8;
  }

  /** Text known to be short (status codes, check-in codes). */
  text(s: string | null): void {
    if (s == null) return this.null();
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  /** An instant in epoch seconds (0: null) as timestamptz: microseconds since 2000, a 64-bit integer. */
  instantS(s: number): void {
    if (s === 0) return this.null();
    const us = (s - PG_EPOCH_S) * 1_000_000;
    const hi = Math.floor(us / 4294967296);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeInt32BE(hi, this.pos + 4);
    this.buf.writeUInt32BE(us - hi * 4294967296, this.pos + 8);
    this.pos += 12;
  }

  /** The filled part of the buffer, handed over; writing goes on in a new one. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
    return out;
  }

  /** The last chunk, with the end-of-data marker. */
  end(): Buffer {
    this.buf.writeInt16BE(-1, this.pos);
    this.pos += 2;
    return this.take();
  }
}

/** COPYs chunks of COPY binary data into the table; returns the rows written. */
export async function copyBinaryInto(client: ClientBase, table: string, columns: readonly string[], chunks: Iterable<Buffer>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}
