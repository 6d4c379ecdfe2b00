import { parse } from 'graphql';
import { createApolloClient } from '../client';
import { createSessionStore, DEVICE_TOKEN_KEY, readSession, SESSION_KEY } from '../../auth';
import { fakeApi, NOW, sessionN, type FakeApiOptions } from '../../../../test/fake-api';

// Plain parse (not a graphql`` tag), so codegen leaves these test documents alone.
const MeQuery = parse('query Me { me { id } }');
const MyNameQuery = parse('query MyName { me { id displayName } }');

function setup(start: ReturnType<typeof sessionN> | null, api: FakeApiOptions = {}) {
  const fake = fakeApi(api);
  const store = createSessionStore({ fetch: fake.fetch, locks: null, now: () => NOW, initial: start });
  const onTokenRejected = jest.fn();
  const client = createApolloClient({ fetch: fake.fetch, session: store, onTokenRejected, onTransportError: jest.fn() });
  return { fake, store, client, onTokenRejected };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Me and MyName at once, held at the (gated) fake API until both are on their way; then let go. */
async function queryTwoAtOnce({ fake, client }: ReturnType<typeof setup>) {
  const a = client.query({ query: MeQuery });
  const b = client.query({ query: MyNameQuery });
  await tick();
  await tick();
  fake.release();
  await Promise.all([a, b]);
  return fake;
}

beforeEach(() => window.localStorage.clear());

describe('the Apollo auth link with renewing sessions', () => {
  it('should send a token that is far from expiry as it is, without renewing', async () => {
    const { fake, client } = setup(sessionN(1, 10 * 60_000), { live: ['access-1'] });
    await client.query({ query: MeQuery });
    expect(fake.refreshCalls()).toHaveLength(0);
    expect(fake.operationCalls()).toEqual([expect.objectContaining({ operationName: 'Me', authorization: 'Bearer access-1' })]);
  });

  it('should renew an access token about to expire before the request, and send the new one', async () => {
    const { fake, client, store } = setup(sessionN(1, 30_000), { live: ['access-1'] });
    const { data } = await client.query({ query: MeQuery });
    expect(data).toEqual({ me: { __typename: 'User', id: 'u1' } });
    // One refreshSession, a plain JSON POST outside the link chain (no bearer, the CSRF-safe content type).
    expect(fake.refreshCalls()).toEqual([{ operationName: 'RefreshSession', authorization: undefined, contentType: 'application/json', variables: { input: { refreshToken: 'refresh-1' } } }]);
    expect(fake.operationCalls()).toEqual([expect.objectContaining({ operationName: 'Me', authorization: 'Bearer access-2' })]);
    expect(store.current()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(readSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2', userId: 'u1' });
  });

  it('should renew an already expired access token before the request', async () => {
    const { fake, client } = setup(sessionN(1, -5 * 60_000));
    await client.query({ query: MeQuery });
    expect(fake.calls.map((c) => [c.operationName, c.authorization])).toEqual([
      ['RefreshSession', undefined],
      ['Me', 'Bearer access-2'],
    ]);
  });

  it('should answer auth.invalidToken with exactly one renewal and one retry of the operation', async () => {
    // The token looks valid for 10 more minutes, but the API no longer takes it.
    const { fake, client, onTokenRejected } = setup(sessionN(1, 10 * 60_000));
    const { data } = await client.query({ query: MeQuery });
    expect(data).toEqual({ me: { __typename: 'User', id: 'u1' } });
    expect(fake.calls.map((c) => [c.operationName, c.authorization])).toEqual([
      ['Me', 'Bearer access-1'],
      ['RefreshSession', undefined],
      ['Me', 'Bearer access-2'],
    ]);
    expect(onTokenRejected).not.toHaveBeenCalled();
  });

  it('should not retry a second time when the renewed token is refused too', async () => {
    const { fake, client } = setup(sessionN(1, 10 * 60_000), { acceptRenewed: false });
    await expect(client.query({ query: MeQuery })).rejects.toThrow('Expired');
    expect(fake.calls.map((c) => [c.operationName, c.authorization])).toEqual([
      ['Me', 'Bearer access-1'],
      ['RefreshSession', undefined],
      ['Me', 'Bearer access-2'],
    ]);
  });

  it('should renew once for two concurrent requests with an expiring token', async () => {
    const fake = await queryTwoAtOnce(setup(sessionN(1, 10_000), { gated: true }));
    expect(fake.refreshCalls()).toHaveLength(1);
    expect(fake.operationCalls().map((c) => [c.operationName, c.authorization]).sort()).toEqual([
      ['Me', 'Bearer access-2'],
      ['MyName', 'Bearer access-2'],
    ]);
  });

  it('should renew once when two concurrent requests are both refused with auth.invalidToken', async () => {
    const fake = await queryTwoAtOnce(setup(sessionN(1, 10 * 60_000), { gated: true }));
    expect(fake.refreshCalls()).toHaveLength(1);
    expect(fake.operationCalls().filter((c) => c.authorization === 'Bearer access-2').map((c) => c.operationName).sort()).toEqual(['Me', 'MyName']);
  });

  it('should sign out, keeping the device token, when the renewal is refused', async () => {
    window.localStorage.setItem(DEVICE_TOKEN_KEY, 'device-1');
    const { fake, client, store } = setup(sessionN(1, -60_000), { refresh: 'ended' });
    const changes: string[] = [];
    store.subscribe((_, change) => changes.push(change));
    await client.query({ query: MeQuery, errorPolicy: 'all' });
    expect(fake.refreshCalls()).toHaveLength(1);
    expect(store.current()).toBeNull();
    expect(changes).toEqual(['ended']);
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
    // The request went on signed out.
    expect(fake.operationCalls()).toEqual([expect.objectContaining({ operationName: 'Me', authorization: undefined })]);
  });

  it('should keep the session when the renewal cannot reach the API', async () => {
    const { fake, client, store } = setup(sessionN(1, 30_000), { live: ['access-1'] });
    const original = fake.fetch.getMockImplementation()!;
    fake.fetch.mockImplementation(async (uri, init) => {
      if (JSON.parse(String(init?.body)).operationName === 'RefreshSession') throw new TypeError('Failed to fetch');
      return original(uri, init);
    });
    await client.query({ query: MeQuery });
    expect(store.current()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });
});
