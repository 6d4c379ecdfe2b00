import { createConnection, createServer, Server, Socket } from 'node:net';

/** A parameter as it went over the wire: text, or binary (base64), or NULL. */
export type WireValue = string | null | { base64: string };

/** One statement a client ran, as PostgreSQL received it. */
export interface WireStatement {
  /** the prepared statement's name ('' = unnamed, simple protocol: undefined) */
  name?: string;
  text: string;
  values?: WireValue[];
  /** all result columns asked in binary */
  binaryResults?: boolean;
  connection: number;
  applicationName: string;
  at: number;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/**
 * A TCP tap in front of PostgreSQL that reads the frontend protocol (startup, Parse, Bind,
 * Query) of every connection and records the statements with their parameters, exactly as
 * the server receives them, without changing a byte. The API runs through it only while
 * its statements are captured; the measured API talks to PostgreSQL directly.
 */
export class WireTap {
  readonly statements: WireStatement[] = [];
  private server?: Server;
  private sockets = new Set<Socket>();
  private nextConnection = 1;

  constructor(
    private readonly upstream: { host: string; port: number },
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const address = this.server.address();
    if (!address || typeof address !== 'object') throw new Error('wire tap: no port');
    return address.port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private accept(client: Socket): void {
    const upstream = createConnection(this.upstream);
    this.sockets.add(client).add(upstream);
    const connection = this.nextConnection++;
    const state = { started: false, applicationName: '', buffer: Buffer.alloc(0), statements: new Map<string, string>(), parsing: true };
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.on('data', (d) => client.write(d));
    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (!state.parsing) return;
      state.buffer = state.buffer.length ? Buffer.concat([state.buffer, chunk]) : chunk;
      try {
        this.parse(connection, state);
      } catch (err) {
        state.parsing = false;
        this.onError(err as Error);
      }
    });
  }

  private parse(connection: number, state: { started: boolean; applicationName: string; buffer: Buffer; statements: Map<string, string>; parsing: boolean }): void {
    let b = state.buffer;
    for (;;) {
      if (!state.started) {
        if (b.length < 8) break;
        const length = b.readInt32BE(0);
        if (b.length < length) break;
        const code = b.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          // Encryption would hide the stream; node-postgres asks only when told to.
        } else if (code === CANCEL_REQUEST) {
          state.parsing = false;
        } else {
          const pairs = b.subarray(8, length).toString('utf8').split('\0');
          for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i] === 'application_name') state.applicationName = pairs[i + 1];
          state.started = true;
        }
        b = b.subarray(length);
        continue;
      }
      if (b.length < 5) break;
      const type = String.fromCharCode(b[0]);
      const length = b.readInt32BE(1);
      if (b.length < 1 + length) break;
      const body = b.subarray(5, 1 + length);
      b = b.subarray(1 + length);
      if (type === 'P') {
        const [name, afterName] = cstring(body, 0);
        const [text] = cstring(body, afterName);
        state.statements.set(name, text);
      } else if (type === 'B') {
        let at = 0;
        let portal: string;
        let name: string;
        [portal, at] = cstring(body, at);
        [name, at] = cstring(body, at);
        void portal;
        const formatCount = body.readInt16BE(at);
        at += 2;
        const formats: number[] = [];
        for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
        const count = body.readInt16BE(at);
        at += 2;
        const values: WireValue[] = [];
        for (let i = 0; i < count; i++) {
          const size = body.readInt32BE(at);
          at += 4;
          if (size < 0) {
            values.push(null);
            continue;
          }
          const bytes = body.subarray(at, at + size);
          at += size;
          const format = formatCount === 0 ? 0 : formatCount === 1 ? formats[0] : formats[i];
          values.push(format === 1 ? { base64: bytes.toString('base64') } : bytes.toString('utf8'));
        }
        const resultCount = body.readInt16BE(at);
        at += 2;
        const resultFormats: number[] = [];
        for (let i = 0; i < resultCount; i++, at += 2) resultFormats.push(body.readInt16BE(at));
        const text = state.statements.get(name);
        if (text === undefined) throw new Error(`wire tap: Bind to unknown statement "${name}"`);
        this.statements.push({
          name,
          text,
          values,
          binaryResults: resultFormats.length > 0 && resultFormats.every((f) => f === 1),
          connection,
          applicationName: state.applicationName,
          at: performance.now(),
        });
      } else if (type === 'C' && body[0] === 'S'.charCodeAt(0)) {
        state.statements.delete(cstring(body, 1)[0]);
      } else if (type === 'Q') {
        this.statements.push({ text: cstring(body, 0)[0], connection, applicationName: state.applicationName, at: performance.now() });
      }
    }
    state.buffer = b.length ? Buffer.from(b) : Buffer.alloc(0);
  }
}

function cstring(buf: Buffer, from: number): [string, number] {
  const end = buf.indexOf(0, from);
  if (end < 0) throw new Error('wire tap: unterminated string');
  return [buf.toString('utf8', from, end), end + 1];
}
