import { ApolloLink, type Operation } from '@apollo/client';
import { parse } from 'graphql';
import { Observable } from 'rxjs';
import { createLiveConnection, liveUrl, type ApolloSession } from '../index';
import type { WsTransportOptions } from '../ws-transport';

/** A transport that records what the live connection asks of it and lets the test drive its events. */
function fakeTransport() {
  const state: { options?: WsTransportOptions; restarts: number; disposed: boolean; requests: string[] } = { restarts: 0, disposed: false, requests: [] };
  const load = jest.fn(async () => ({
    createWsTransport(options: WsTransportOptions) {
      state.options = options;
      return {
        link: new ApolloLink((op: Operation) => {
          state.requests.push(op.operationName ?? '');
          return new Observable((o) => o.next({ data: { ping: 1 } }));
        }),
        restart: () => void (state.restarts += 1),
        dispose: () => void (state.disposed = true),
      };
    },
  }));
  return { state, load };
}

const session = (tokens: string[]): ApolloSession & { renewRejected: jest.Mock } => ({
  validAccessToken: jest.fn(async () => tokens[0] ?? null),
  renewRejected: jest.fn(async () => 'renewed'),
  current: () => (tokens[0] ? { accessToken: tokens[0] } : null),
});

const Ping = parse('subscription Ping { ping }');
const execute = (link: ApolloLink) =>
  new Promise((resolve) => {
    ApolloLink.execute(link, { query: Ping }, { client: {} as never }).subscribe({ next: resolve });
  });

describe('the live connection', () => {
  it('should derive the socket address from the page: ws for http, wss for https', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:4200' })).toBe('ws://127.0.0.1:4200/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'civicgrid.example' })).toBe('wss://civicgrid.example/graphql');
  });

  it('should load the graphql-ws transport only with the first subscription, once', async () => {
    const fake = fakeTransport();
    const live = createLiveConnection({ url: 'ws://test/graphql', session: session(['t1']), load: fake.load });
    expect(fake.load).not.toHaveBeenCalled();
    await execute(live.link);
    await execute(live.link);
    expect(fake.load).toHaveBeenCalledTimes(1);
    expect(fake.state.requests).toEqual(['Ping', 'Ping']);
    expect(fake.state.options?.url).toBe('ws://test/graphql');
  });

  it('should report connected only between the acknowledgement and the close, counting connections', async () => {
    const fake = fakeTransport();
    const live = createLiveConnection({ url: 'ws://test/graphql', session: session(['t1']), load: fake.load });
    const seen: string[] = [];
    live.subscribe(() => seen.push(live.snapshot().state));
    await execute(live.link);
    const o = fake.state.options!;
    o.onConnecting();
    o.onConnected();
    expect(live.snapshot()).toEqual({ state: 'connected', connections: 1 });
    o.onClosed(1006);
    o.onConnecting();
    o.onConnected();
    o.onClosed(1000);
    expect(seen).toEqual(['connecting', 'connected', 'closed', 'connecting', 'connected', 'idle']);
    expect(live.snapshot().connections).toBe(2);
  });

  it('should sign the socket in with a valid token, and renew one the API refused (4403) before the next try', async () => {
    const fake = fakeTransport();
    const s = session(['t1']);
    const live = createLiveConnection({ url: 'ws://test/graphql', session: s, load: fake.load });
    await execute(live.link);
    const o = fake.state.options!;
    expect(await o.connectionParams()).toEqual({ authorization: 'Bearer t1' });
    o.onClosed(4403);
    expect(await o.connectionParams()).toEqual({ authorization: 'Bearer renewed' });
    expect(s.renewRejected).toHaveBeenCalledWith('t1');
  });

  it('should connect without a token when signed out, and restart the socket when asked', async () => {
    const fake = fakeTransport();
    const live = createLiveConnection({ url: 'ws://test/graphql', session: session([]), load: fake.load });
    live.restart(); // nothing loaded yet: nothing to restart
    await execute(live.link);
    expect(await fake.state.options!.connectionParams()).toEqual({});
    live.restart();
    expect(fake.state.restarts).toBe(1);
    live.dispose();
    expect(fake.state.disposed).toBe(true);
  });
});
