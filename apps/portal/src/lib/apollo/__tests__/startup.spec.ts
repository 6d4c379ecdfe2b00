import { parse } from 'graphql';
import { createApolloClient } from '../client';
import { emitApiStarting, onApiStarting } from '../transport-events';
import { jsonResponse } from '../../../../test/fake-api';

// Plain parse (not a graphql`` tag), so codegen leaves these test documents alone.
const BoardQuery = parse('query Board { me { id } }');
const NamesQuery = parse('query Names { me { id displayName } }');
const ClaimMutation = parse('mutation Claim { claimShift { id } }');

const signedOut = { validAccessToken: async () => null, renewRejected: async () => null, current: () => null };
const json = (body: unknown) => jsonResponse(body);
/** What nginx or `vite preview` answers when the API behind it does not. */
const proxyDown = (status: number) =>
  ({ ok: false, status, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'text/plain' : null) }, text: async () => '' }) as unknown as Response;
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

/** A fetch that answers from a script, one entry per call (the last repeats). */
function scripted(...answers: (() => Promise<Response> | Response)[]) {
  let calls = 0;
  return jest.fn(async (): Promise<Response> => answers[Math.min(calls++, answers.length - 1)]());
}

function setup(fetch: typeof globalThis.fetch, now = () => 0) {
  const onApiStarting = jest.fn();
  const onTransportError = jest.fn();
  const client = createApolloClient({ fetch, session: signedOut, onTokenRejected: jest.fn(), onTransportError, onApiStarting, startupBackoffMs: () => 0, startupNow: now });
  return { client, onApiStarting, onTransportError };
}

const answered = () => json({ data: { me: { __typename: 'User', id: 'u1' } } });

describe('queries while the API starts', () => {
  it('should retry a query while the proxy answers 502 and 503, say so, and give the page its data once the API answers', async () => {
    const fetch = scripted(() => proxyDown(502), () => proxyDown(503), answered);
    const { client, onApiStarting, onTransportError } = setup(fetch);
    const { data } = await client.query({ query: BoardQuery });
    expect(data).toEqual({ me: { __typename: 'User', id: 'u1' } });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(onApiStarting.mock.calls).toEqual([[true], [true], [false]]);
    expect(onTransportError).not.toHaveBeenCalled();
  });

  it('should retry a query when nothing answers at all (no proxy in front of an API not yet listening)', async () => {
    const fetch = scripted(refused, refused, answered);
    const { client, onTransportError } = setup(fetch);
    await expect(client.query({ query: BoardQuery })).resolves.toMatchObject({ data: { me: { id: 'u1' } } });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(onTransportError).not.toHaveBeenCalled();
  });

  it('should report a transport error as before when the API has not answered within the wait', async () => {
    let clock = 0;
    const fetch = scripted(() => {
      clock += 60_000;
      return proxyDown(502);
    });
    const { client, onApiStarting, onTransportError } = setup(fetch, () => clock);
    await expect(client.query({ query: BoardQuery })).rejects.toThrow();
    // The first failure at 60 s is retried; the second, at the two-minute limit, is not.
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(onTransportError).toHaveBeenCalledTimes(1);
    // The error says what happened from now on, not "starting up".
    expect(onApiStarting).toHaveBeenLastCalledWith(false);
  });

  it('should keep saying "starting up" while any query still waits, until the last one has its answer', async () => {
    const failuresLeft: Record<string, number> = { Board: 1, Names: 3 };
    const fetch = jest.fn(async (_url: unknown, init?: RequestInit): Promise<Response> => {
      const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
      if (failuresLeft[operationName]-- > 0) return proxyDown(503);
      return operationName === 'Board' ? answered() : json({ data: { me: { __typename: 'User', id: 'u1', displayName: 'Wang' } } });
    });
    const { client, onApiStarting } = setup(fetch as unknown as typeof globalThis.fetch);
    const board = client.query({ query: BoardQuery });
    const names = client.query({ query: NamesQuery });
    await board;
    expect(onApiStarting).toHaveBeenLastCalledWith(true);
    await names;
    expect(onApiStarting).toHaveBeenLastCalledWith(false);
  });

  it('should not retry a server error that is not about starting (500)', async () => {
    const fetch = scripted(() => proxyDown(500), answered);
    const { client, onApiStarting, onTransportError } = setup(fetch);
    await expect(client.query({ query: BoardQuery })).rejects.toThrow();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onApiStarting).not.toHaveBeenCalledWith(true);
    expect(onTransportError).toHaveBeenCalledTimes(1);
  });

  it('should not retry a mutation, which may have been carried out before its answer was lost', async () => {
    const fetch = scripted(() => proxyDown(502), () => json({ data: { claimShift: { __typename: 'ShiftClaim', id: 'c1' } } }));
    const { client, onTransportError } = setup(fetch);
    await expect(client.mutate({ mutation: ClaimMutation })).rejects.toThrow();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onTransportError).toHaveBeenCalledTimes(1);
  });
});

describe('the shell\'s "starting up" signal', () => {
  afterEach(() => emitApiStarting(false));

  it('should tell a new listener the current state and then only changes', () => {
    emitApiStarting(true);
    const heard: boolean[] = [];
    const off = onApiStarting((s) => heard.push(s));
    emitApiStarting(true);
    emitApiStarting(false);
    emitApiStarting(false);
    off();
    emitApiStarting(true);
    expect(heard).toEqual([true, false]);
  });
});
