import { act, render, screen, waitFor } from '@testing-library/react';
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import enUS from 'antd/locale/en_US';
import { AppProviders } from '../providers';
import { DEVICE_TOKEN_KEY, SESSION_KEY, useAuth } from '../../lib/auth';
import { fakeApi, sessionN } from '../../../test/fake-api';

/** Shows whether this tab is signed in, and hands out the app's Apollo client. */
function Probe({ onClient }: { onClient(client: ApolloClient): void }) {
  const { token } = useAuth();
  onClient(useApolloClient());
  return <p>{token ? `signed in with ${token}` : 'signed out'}</p>;
}

/** Session n whose access token expires `inMs` from now (this test runs on the real clock). */
const stored = (n: number, inMs: number) => JSON.stringify({ ...sessionN(n, 0), accessTokenExpiresAt: new Date(Date.now() + inMs).toISOString() });
const prefs = { locale: 'en' as const, elderMode: false, timeZone: 'Asia/Shanghai' };
const realFetch = globalThis.fetch;

/** The app's providers around the probe, against the fake API; the client they made. */
function renderApp(api: ReturnType<typeof fakeApi>): { client: () => ApolloClient } {
  globalThis.fetch = api.fetch as typeof fetch;
  let client: ApolloClient | undefined;
  render(
    <AppProviders prefs={prefs} antdLocale={enUS}>
      <Probe onClient={(c) => (client = c)} />
    </AppProviders>,
  );
  return { client: () => client! };
}

afterEach(() => {
  globalThis.fetch = realFetch;
  window.localStorage.clear();
});

describe('the app providers', () => {
  it('should sign out and clear the Apollo store, keeping the device token, when the session can no longer be renewed', async () => {
    // An expired access token: the first query (the session, for the preferences) renews first.
    window.localStorage.setItem(SESSION_KEY, stored(1, -60_000));
    window.localStorage.setItem(DEVICE_TOKEN_KEY, 'device-1');
    const api = fakeApi({ refresh: 'ended', gated: true });
    const { client } = renderApp(api);
    expect(screen.getByText('signed in with access-1')).toBeInTheDocument();
    await waitFor(() => expect(api.refreshCalls()).toHaveLength(1));
    const clearStore = jest.spyOn(client(), 'clearStore');

    await act(async () => api.release());

    expect(await screen.findByText('signed out')).toBeInTheDocument();
    await waitFor(() => expect(clearStore).toHaveBeenCalled());
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
    expect(api.refreshCalls()).toHaveLength(1);
  });

  it('should pick up a sign-out in another tab', async () => {
    window.localStorage.setItem(SESSION_KEY, stored(1, 10 * 60_000));
    const { client } = renderApp(fakeApi({ live: ['access-1'] }));
    expect(screen.getByText('signed in with access-1')).toBeInTheDocument();
    const clearStore = jest.spyOn(client(), 'clearStore');
    act(() => {
      window.localStorage.removeItem(SESSION_KEY);
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_KEY, newValue: null }));
    });
    expect(await screen.findByText('signed out')).toBeInTheDocument();
    expect(clearStore).toHaveBeenCalled();
  });
});
