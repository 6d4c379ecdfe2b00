import { useMemo, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider, type ConfigProviderProps } from 'antd';
import { AuthProvider, useAuth } from '../lib/auth';
import { createApolloClient, emitTransportError } from '../lib/apollo';
import { PrefsProvider, usePrefs, type Prefs } from '../lib/prefs';
import { ActingProvider } from '../lib/acting/ActingProvider';
import { themeFor } from '../lib/theme/theme';

function ApolloWithAuth({ children }: { children: ReactNode }) {
  const { getToken, signOut } = useAuth();
  const client = useMemo(
    () =>
      createApolloClient({
        getToken,
        onTokenRejected: () => {
          signOut();
          void client.clearStore();
        },
        onTransportError: emitTransportError,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
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
