import { useEffect, useMemo, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider, type ConfigProviderProps } from 'antd';
import { AuthProvider, useAuth } from '../lib/auth';
import { createApolloClient, createLiveConnection, emitApiStarting, emitTransportError, LiveProvider } from '../lib/apollo';
import { PrefsProvider, usePrefs, type Prefs } from '../lib/prefs';
import { ActingProvider } from '../lib/acting/ActingProvider';
import { themeFor } from '../lib/theme/theme';

function ApolloWithAuth({ children }: { children: ReactNode }) {
  const { store } = useAuth();
  const live = useMemo(() => createLiveConnection({ session: store }), [store]);
  const client = useMemo(
    () =>
      createApolloClient({
        session: store,
        onTokenRejected: () => store.signOut(),
        onTransportError: emitTransportError,
        onApiStarting: emitApiStarting,
        live,
      }),
    [store, live],
  );
  useEffect(() => () => live.dispose(), [live]);
  // Whoever ends the session (a refused renewal, a sign-out in another tab), nothing of the
  // person stays in the cache; when another tab signs in, every query runs again as them.
  useEffect(
    () =>
      store.subscribe((_, change) => {
        if (change === 'ended' || change === 'signedOut') void client.clearStore();
        else if (change === 'switched') void client.resetStore().catch(() => undefined);
        // The socket signed in as whoever was there when it opened: open it again as the new
        // person (or as nobody). A renewal keeps the same person, so the socket stays.
        if (change !== 'renewed') live.restart();
      }),
    [store, client, live],
  );
  return (
    <ApolloProvider client={client}>
      <LiveProvider live={live}>{children}</LiveProvider>
    </ApolloProvider>
  );
}

function ThemedAntd({ children }: { children: ReactNode }) {
  const { elderMode, antdLocale } = usePrefs();
  const theme = useMemo(() => themeFor(elderMode), [elderMode]);
  return (
    <ConfigProvider locale={antdLocale} theme={theme} componentSize={elderMode ? 'large' : 'middle'} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

/** Auth → Apollo → preferences (language, elder mode) → antd theme and locale → acting-for. */
export function AppProviders({ prefs, antdLocale, children }: { prefs: Prefs; antdLocale: NonNullable<ConfigProviderProps['locale']>; children: ReactNode }) {
  return (
    <AuthProvider>
      <ApolloWithAuth>
        <PrefsProvider initial={prefs} initialAntdLocale={antdLocale}>
          <ThemedAntd>
            <ActingProvider>{children}</ActingProvider>
          </ThemedAntd>
        </PrefsProvider>
      </ApolloWithAuth>
    </AuthProvider>
  );
}
