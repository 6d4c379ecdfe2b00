import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServiceStatus } from './service-status';

export interface DrainOptions {
  /** no new connection or request for this long means the queue is empty */
  quietMs?: number;
  /** the whole drain, after which remaining connections are cut */
  timeoutMs?: number;
}

/**
 * Graceful shutdown of an HTTP server. Closing the listening socket at once would reset
 * connections the kernel had already queued, and cutting idle keep-alive sockets would
 * drop a request a client had just written to one; both are requests sent before the
 * signal. So: mark draining (readiness fails, every response closes its connection),
 * keep serving until nothing new has arrived for a quiet moment and nothing is in
 * flight, then stop listening and close what is left, bounded by a timeout.
 */
export class HttpDrain {
  private inFlight = 0;
  private lastActivity = Date.now();
  private draining = false;
  private readonly sockets = new Set<Socket>();
  private readonly responses = new Set<ServerResponse>();

  constructor(
    private readonly server: Server,
    private readonly status: ServiceStatus,
  ) {
    server.on('connection', (socket: Socket) => {
      this.touch();
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // Registered before any other listener sees the request, so the flag is set before the reply is written.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.touch();
      this.inFlight++;
      if (this.draining) res.shouldKeepAlive = false;
      this.responses.add(res);
      res.once('close', () => {
        this.inFlight--;
        this.responses.delete(res);
        this.touch();
      });
    });
  }

  private touch(): void {
    this.lastActivity = Date.now();
  }

  async drain({ quietMs = 300, timeoutMs = 10_000 }: DrainOptions = {}): Promise<{ cut: number }> {
    this.draining = true;
    this.status.draining = true;
    // Replies still being worked on close their connection too.
    for (const res of this.responses) if (!res.headersSent) res.shouldKeepAlive = false;
    const deadline = Date.now() + timeoutMs;
    const settled = () => this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs;
    while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const cut = this.sockets.size;
    this.server.closeAllConnections();
    await closed;
    return { cut };
  }
}
