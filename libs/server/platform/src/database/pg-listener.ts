import { Client } from 'pg';

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * One connection that LISTENs on a few channels for as long as the app runs, and comes
 * back by itself after the database restarts or the connection drops (with a callback,
 * since notifications sent meanwhile are lost and callers may need to catch up).
 */
export class PgListener {
  private client?: Client;
  private stopped = false;
  private connecting?: Promise<void>;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private readonly reconnected = new Set<() => void>();
  private retryMs = 250;

  constructor(
    private readonly url: string,
    private readonly log: Log,
  ) {}

  /** Calls `handler` with every payload NOTIFYed on `channel` (a plain identifier). */
  on(channel: string, handler: (payload: string) => void): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const set = this.handlers.get(channel) ?? new Set();
    set.add(handler);
    this.handlers.set(channel, set);
    if (this.client) void this.client.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  /** True while connected: only then does a NOTIFY reach the handlers. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Called after every reconnection (not the first connection). */
  onReconnect(cb: () => void): void {
    this.reconnected.add(cb);
  }

  start(): Promise<void> {
    this.stopped = false;
    return (this.connecting ??= this.connect(false));
  }

  private async connect(again: boolean): Promise<void> {
    while (!this.stopped) {
      const client = new Client({ connectionString: this.url, application_name: 'civicgrid-listener', keepAlive: true });
      try {
        client.on('notification', (m) => this.handlers.get(m.channel)?.forEach((h) => h(m.payload ?? '')));
        client.on('error', () => this.lost(client));
        client.on('end', () => this.lost(client));
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
        this.client = client;
        this.retryMs = 250;
        this.connecting = undefined;
        if (again) this.reconnected.forEach((cb) => cb());
        return;
      } catch (err) {
        await client.end().catch(() => undefined);
        this.log.warn({ code: (err as { code?: string }).code }, 'listener could not connect; retrying');
        await new Promise((r) => setTimeout(r, this.retryMs).unref());
        this.retryMs = Math.min(5000, this.retryMs * 2);
      }
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.stopped) this.connecting ??= this.connect(true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
