import { BrowserRouter } from 'react-router';
import type { ConfigProviderProps } from 'antd';
import type { Prefs } from '../lib/prefs/stored';
import { AppProviders } from './providers';
import { AppRoutes } from './router';

export function App({ prefs, antdLocale }: { prefs: Prefs; antdLocale: NonNullable<ConfigProviderProps['locale']> }) {
  return (
    <BrowserRouter>
      <AppProviders prefs={prefs} antdLocale={antdLocale}>
        <AppRoutes />
      </AppProviders>
    </BrowserRouter>
  );
}
