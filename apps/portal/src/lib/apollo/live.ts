import { ApolloLink } from '@apollo/client';
import { defer, EMPTY, mergeMap } from 'rxjs';
import type { ApolloSession } from './client';
import type { WsTransport, WsTransportOptions } from './ws-transport';

/**
 * - `idle`: no socket (nothing subscribed yet, or nothing any more);
 * - `connecting`: opening one (also between retries after it dropped);
 * - `connected`: acknowledged by the API: subscriptions deliver;
 * - `closed`: it dropped (the API is down, the network is gone) and is retried.
 */
export type LiveState = 'idle' | 'connecting' | 'connected' | 'closed';

export interface LiveSnapshot {
  state: LiveState;
  /** How many times a socket was acknowledged: a change after the first means events may have been missed. */
  connections: number;
}

/** The live (subscriptions) side of the API, for the Apollo client and the screens. */
export interface LiveConnection {
  /** The terminating link for subscriptions. */
  link: ApolloLink;
  snapshot(): LiveSnapshot;
  subscribe(listener: () => void): () => void;
  /** Connect again with the current session (after sign-in, sign-out or another person's sign-in). */
  restart(): void;
  dispose(): void;
}

export interface LiveOptions {
  /** Default: ws(s)://<this host>/graphql, the path the dev server and preview proxy too. */
  url?: string;
  session: ApolloSession;
  /** For tests: how the graphql-ws transport is loaded. */
  load?: () => Promise<{ createWsTransport(o: WsTransportOptions): WsTransport }>;
  webSocketImpl?: unknown;
}

/** The API closes the socket with this when the token of connection_init does not verify. */
const FORBIDDEN_CODE = 4403;

/** The same origin as the page, over ws: or wss:. */
export function liveUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/graphql`;
}

/**
 * Subscriptions over graphql-ws, loaded with the first one (the client is ~5 kB that the
 * first page does not need). The socket signs in with a valid access token on every
 * (re)connection; one the API refuses (4403) is renewed before the next try.
 */
export function createLiveConnection({ url, session, load = () => import('./ws-transport'), webSocketImpl }: LiveOptions): LiveConnection {
  const listeners = new Set<() => void>();
  let snap: LiveSnapshot = { state: 'idle', connections: 0 };
  let transport: Promise<WsTransport> | null = null;
  let loaded: WsTransport | null = null;
  let disposed = false;
  let sent: string | null = null;
  let refused: string | null = null;

  const set = (state: LiveState, connected = false) => {
    if (state === snap.state && !connected) return;
    snap = { state, connections: snap.connections + (connected ? 1 : 0) };
    for (const l of [...listeners]) l();
  };

  const connectionParams = async () => {
    let token = await session.validAccessToken();
    if (token && token === refused) token = await session.renewRejected(token).catch(() => token);
    sent = token;
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  const ensure = () =>
    (transport ??= load().then(({ createWsTransport }) => {
      loaded = createWsTransport({
        url: url ?? liveUrl(),
        connectionParams,
        webSocketImpl,
        onConnecting: () => set('connecting'),
        onConnected: () => {
          refused = null;
          set('connected', true);
        },
        onClosed: (code) => {
          if (code === FORBIDDEN_CODE) refused = sent;
          // 1000: closed because nothing listens any more.
          set(code === 1000 ? 'idle' : 'closed');
        },
      });
      if (disposed) loaded.dispose();
      return loaded;
    }).catch((e: unknown) => {
      // The chunk did not load (offline, a new deployment): the next subscription tries again.
      transport = null;
      throw e;
    }));

  const link = new ApolloLink((operation, forward) =>
    defer(() => ensure()).pipe(mergeMap((ws) => (disposed ? EMPTY : ws.link.request(operation, forward)))),
  );

  return {
    link,
    snapshot: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart() {
      refused = null;
      loaded?.restart();
    },
    dispose() {
      disposed = true;
      loaded?.dispose();
    },
  };
}
