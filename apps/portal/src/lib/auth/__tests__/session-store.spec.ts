import { createSessionStore, REFRESH_LOCK, type SessionChange } from '../session-store';
import { DEVICE_TOKEN_KEY, readDeviceToken, readSession, SESSION_KEY } from '../token';
import { fakeApi, NOW, sessionN } from '../../../../test/fake-api';

/** Web Locks with one exclusive lock per name, granted in order of request (as across tabs). */
function fakeLocks() {
  const held = new Map<string, Promise<unknown>>();
  const request = jest.fn((name: string, callback: () => Promise<unknown>) => {
    const before = held.get(name) ?? Promise.resolve();
    const run = before.then(() => callback());
    held.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  });
  return { request, locks: { request } as unknown as Pick<LockManager, 'request'> };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => window.localStorage.clear());

describe('the session store', () => {
  it('should keep the AuthPayload and a new device token, and keep the device token after signing out', () => {
    const store = createSessionStore({ locks: null, now: () => NOW });
    store.signIn({ accessToken: 'a', accessTokenExpiresAt: '2026-03-01T08:15:00Z', refreshToken: 'r', deviceToken: 'device-1', user: { id: 'u1' } });
    expect(readSession()).toEqual({ accessToken: 'a', accessTokenExpiresAt: '2026-03-01T08:15:00Z', refreshToken: 'r', userId: 'u1' });
    expect(readDeviceToken()).toBe('device-1');
    // A later sign-in without a new device token leaves the old one.
    store.signIn({ accessToken: 'b', accessTokenExpiresAt: '2026-03-01T08:15:00Z', refreshToken: 'r2', deviceToken: null, user: { id: 'u1' } });
    expect(readDeviceToken()).toBe('device-1');
    store.signOut();
    expect(store.current()).toBeNull();
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
  });

  it('should renew under the civicgrid-refresh lock, and let a second tab adopt the first tab’s tokens instead of renewing again', async () => {
    const api = fakeApi({ gated: true });
    const { locks, request } = fakeLocks();
    window.localStorage.setItem(SESSION_KEY, JSON.stringify(sessionN(1, 20_000)));
    const tabA = createSessionStore({ fetch: api.fetch, locks, now: () => NOW });
    const tabB = createSessionStore({ fetch: api.fetch, locks, now: () => NOW });
    const changesB: SessionChange[] = [];
    tabB.subscribe((_, c) => changesB.push(c));

    const a = tabA.validAccessToken();
    const b = tabB.validAccessToken();
    await tick();
    api.release();
    await expect(Promise.all([a, b])).resolves.toEqual(['access-2', 'access-2']);

    expect(request).toHaveBeenCalledTimes(2);
    expect(request.mock.calls.map((c) => c[0])).toEqual([REFRESH_LOCK, REFRESH_LOCK]);
    // refresh-1 was traded once (a second use would have ended the session).
    expect(api.refreshCalls()).toHaveLength(1);
    expect(tabB.current()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(changesB).toEqual(['renewed']);
    expect(readSession()).toMatchObject({ refreshToken: 'refresh-2' });
  });

  it('should follow another tab: its renewal, its sign-out and its sign-in as someone else', () => {
    const store = createSessionStore({ locks: null, now: () => NOW, initial: sessionN(1, 10 * 60_000) });
    const changes: [string | null, SessionChange][] = [];
    store.subscribe((s, c) => changes.push([s?.accessToken ?? null, c]));
    const fromOtherTab = (value: unknown) => {
      const newValue = value === null ? null : JSON.stringify(value);
      if (newValue === null) window.localStorage.removeItem(SESSION_KEY);
      else window.localStorage.setItem(SESSION_KEY, newValue);
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_KEY, newValue }));
    };
    const disconnect = store.connect();
    fromOtherTab(sessionN(2, 15 * 60_000));
    fromOtherTab(null);
    fromOtherTab(sessionN(7, 15 * 60_000, 'u2'));
    disconnect();
    fromOtherTab(null);
    expect(changes).toEqual([
      ['access-2', 'renewed'],
      [null, 'ended'],
      ['access-7', 'switched'],
    ]);
    expect(store.current()?.accessToken).toBe('access-7');
  });

  it('should end the session when the API refuses the renewal, and not when another tab signed in meanwhile', async () => {
    const api = fakeApi({ refresh: 'ended' });
    const store = createSessionStore({ fetch: api.fetch, locks: null, now: () => NOW, initial: sessionN(1, 10 * 60_000) });
    await expect(store.renewRejected('access-1')).resolves.toBeNull();
    expect(store.current()).toBeNull();
    expect(readSession()).toBeNull();

    // This time someone signs in in another tab while the refused renewal is under way.
    const other = createSessionStore({ fetch: api.fetch, locks: null, now: () => NOW, initial: sessionN(1, 10 * 60_000) });
    const answer = api.fetch.getMockImplementation()!;
    api.fetch.mockImplementationOnce(async (uri, init) => {
      window.localStorage.setItem(SESSION_KEY, JSON.stringify(sessionN(9, 15 * 60_000, 'u2')));
      return answer(uri, init);
    });
    await expect(other.renewRejected('access-1')).resolves.toBe('access-9');
    expect(readSession()).toMatchObject({ accessToken: 'access-9', userId: 'u2' });
  });

  it('should not renew for a token that was already replaced', async () => {
    const api = fakeApi();
    const store = createSessionStore({ fetch: api.fetch, locks: null, now: () => NOW, initial: sessionN(3, 10 * 60_000) });
    await expect(store.renewRejected('access-2')).resolves.toBe('access-3');
    expect(api.calls).toHaveLength(0);
  });

  it('should not renew on every request when this device’s clock runs ahead of the server’s', async () => {
    const api = fakeApi();
    let clock = NOW + 20 * 60_000; // 20 minutes ahead: a token for 15 minutes looks expired already
    const store = createSessionStore({ fetch: api.fetch, locks: null, now: () => clock });
    store.signIn({ accessToken: 'access-1', accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(), refreshToken: 'refresh-1', user: { id: 'u1' } });
    await expect(store.validAccessToken()).resolves.toBe('access-1');
    await expect(store.validAccessToken()).resolves.toBe('access-1');
    expect(api.refreshCalls()).toHaveLength(0);
    clock += 61_000;
    await expect(store.validAccessToken()).resolves.toBe('access-2');
    await expect(store.validAccessToken()).resolves.toBe('access-2');
    expect(api.refreshCalls()).toHaveLength(1);
  });
});
