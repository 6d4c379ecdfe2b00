import { createClient, type Client } from 'graphql-ws';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import type { ApolloLink } from '@apollo/client';

/** Closing with this code makes graphql-ws connect again at once (see `restart`). */
const RESTART_CODE = 4205;
const MAX_RETRY_WAIT_MS = 30_000;

export interface WsTransportOptions {
  url: string;
  /** Asked before every connection (and reconnection), so it always carries a fresh token. */
  connectionParams(): Promise<Record<string, unknown>>;
  onConnecting(): void;
  onConnected(): void;
  onClosed(code: number | undefined): void;
  /** For tests: a WebSocket implementation. */
  webSocketImpl?: unknown;
}

export interface WsTransport {
  link: ApolloLink;
  /** Reconnects with new connection params (after sign-in or sign-out); subscriptions carry on. */
  restart(): void;
  dispose(): void;
}

/**
 * The graphql-ws client behind the subscriptions link, loaded on the first subscription
 * (kept out of the first page's load). Lazy (a socket only while something listens),
 * retrying forever with a capped backoff: while it is down the screens poll instead.
 */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  // The open socket: graphql-ws asks for the connection params only once it is open, so a
  // socket not open yet will send the new ones anyway.
  let socket: WebSocket | null = null;
  let immediate = false;

  const client: Client = createClient({
    url: options.url,
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      if (immediate) {
        immediate = false;
        return;
      }
      const ms = Math.min(MAX_RETRY_WAIT_MS, 1_000 * 2 ** retries) + Math.floor(Math.random() * 1_000);
      await new Promise((r) => setTimeout(r, ms));
    },
    connectionParams: options.connectionParams,
    webSocketImpl: options.webSocketImpl,
    on: {
      connecting: () => options.onConnecting(),
      opened: (s) => {
        socket = s as WebSocket;
      },
      connected: () => options.onConnected(),
      closed: (event) => {
        socket = null;
        options.onClosed((event as { code?: number } | undefined)?.code);
      },
    },
  });

  return {
    link: new GraphQLWsLink(client),
    restart() {
      if (!socket) return;
      immediate = true;
      socket.close(RESTART_CODE, 'Client Restart');
    },
    dispose() {
      void client.dispose();
    },
  };
}
