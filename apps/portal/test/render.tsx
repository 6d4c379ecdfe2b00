import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import { AuthProvider } from '../src/lib/auth';
import { PrefsProvider } from '../src/lib/prefs';
import { ActingProvider, type ActingFor } from '../src/lib/acting/ActingProvider';
import { createCache } from '../src/lib/apollo';
import { SessionQuery } from '../src/lib/auth/session';

export interface RenderOptions {
  mocks?: MockLink.MockedResponse[];
  token?: string | null;
  route?: string;
  actingFor?: ActingFor;
}

export const TEST_ME = {
  __typename: 'User' as const,
  id: 'u1',
  displayName: 'Wang Xiaoming',
  phone: '13800000001',
  locale: 'en',
  elderMode: false,
  role: 'RESIDENT' as const,
  leadsGrid: null,
  memberships: [],
};

export const sessionMock = (): MockLink.MockedResponse => ({ request: { query: SessionQuery }, result: { data: { me: TEST_ME } }, maxUsageCount: 10 });

/** Renders a piece of the portal with the real providers around a mocked API. */
export function renderWithApp(ui: ReactElement, { mocks = [], token = null, route = '/', actingFor }: RenderOptions = {}) {
  if (actingFor) window.sessionStorage.setItem('civicgrid.actingFor', JSON.stringify(actingFor));
  else window.sessionStorage.removeItem('civicgrid.actingFor');
  const all = token ? [sessionMock(), ...mocks] : mocks;
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <MockedProvider mocks={all} cache={createCache()}>
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider initialToken={token}>
          <PrefsProvider initial={{ locale: 'en', elderMode: false, timeZone: 'Asia/Shanghai' }} initialAntdLocale={enUS}>
            <ConfigProvider locale={enUS}>
              <ActingProvider>{children}</ActingProvider>
            </ConfigProvider>
          </PrefsProvider>
        </AuthProvider>
      </MemoryRouter>
    </MockedProvider>
  );
  return render(ui, { wrapper: Wrapper });
}
