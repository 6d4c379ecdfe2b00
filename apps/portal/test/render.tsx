import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { MockLink, type MockSubscriptionLink } from '@apollo/client/testing';
import { ApolloLink } from '@apollo/client';
import { MemoryRouter } from 'react-router';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import { AuthProvider } from '../src/lib/auth';
import { PrefsProvider } from '../src/lib/prefs';
import { ActingProvider, type ActingFor } from '../src/lib/acting/ActingProvider';
import { createCache, DEFAULT_OPTIONS, LiveProvider, type LiveConnection, type LiveState } from '../src/lib/apollo';
import { SessionQuery } from '../src/lib/auth/session';

export interface RenderOptions {
  mocks?: MockLink.MockedResponse[];
  token?: string | null;
  route?: string;
  actingFor?: ActingFor;
  /** Subscriptions go here (the test pushes events with `simulateResult`); the rest to the mocks. */
  subscriptions?: MockSubscriptionLink;
  /** The live connection the screens see (default: none, so they poll). */
  live?: LiveConnection;
  /** How the session query answers for the signed-in person, over TEST_ME (e.g. another role). */
  me?: { role?: 'RESIDENT' | 'OFFICIAL' | 'ADMIN' | 'DEPARTMENT_STAFF'; elderMode?: boolean };
  /** Start in elder mode (also the signed-in person's saved choice, which the session adopts). */
  elder?: boolean;
  /** Query with the app's own default fetch policy (cache-and-network) instead of the test client's. */
  appDefaults?: boolean;
  /** The header figures the session carries, where the test's count mocks should answer later requests only. */
  counts?: { pendingInvitationCount?: number; unreadNotificationCount?: number };
}

/** A live connection in a fixed state, for screens that poll only while it is down. */
export function fakeLive(state: LiveState = 'connected'): LiveConnection & { set(state: LiveState): void } {
  const listeners = new Set<() => void>();
  let snap = { state, connections: state === 'connected' ? 1 : 0 };
  return {
    link: ApolloLink.empty(),
    snapshot: () => snap,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    restart: () => undefined,
    dispose: () => undefined,
    set(next) {
      snap = { state: next, connections: snap.connections + (next === 'connected' ? 1 : 0) };
      for (const l of [...listeners]) l();
    },
  };
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

/**
 * The session's answer, whose header figures (it carries them for the shell) agree with
 * what the test's own count mocks say at first, as the API's answers would.
 */
export const sessionMock = (me: RenderOptions['me'] = {}, mocks: readonly MockLink.MockedResponse[] = [], counts: RenderOptions['counts'] = {}): MockLink.MockedResponse => ({
  request: { query: SessionQuery },
  result: {
    data: {
      pendingInvitationCount: counts.pendingInvitationCount ?? firstCount(mocks, 'pendingInvitationCount'),
      unreadNotificationCount: counts.unreadNotificationCount ?? firstCount(mocks, 'unreadNotificationCount'),
      me: { ...TEST_ME, ...me },
    },
  },
  maxUsageCount: 10,
});

function firstCount(mocks: readonly MockLink.MockedResponse[], field: string): number {
  for (const m of mocks) {
    const data = typeof m.result === 'object' && m.result && 'data' in m.result ? (m.result.data as Record<string, unknown> | null | undefined) : undefined;
    if (typeof data?.[field] === 'number') return data[field] as number;
  }
  return 0;
}

/** Renders a piece of the portal with the real providers around a mocked API. */
export function renderWithApp(ui: ReactElement, { mocks = [], token = null, route = '/', actingFor, subscriptions, live, me, elder = false, appDefaults, counts }: RenderOptions = {}) {
  if (actingFor) window.sessionStorage.setItem('civicgrid.actingFor', JSON.stringify(actingFor));
  else window.sessionStorage.removeItem('civicgrid.actingFor');
  const all = token ? [sessionMock(elder ? { elderMode: true, ...me } : me, mocks, counts), ...mocks] : mocks;
  const link = subscriptions ? ApolloLink.split((op) => String(op.operationType) === 'subscription', subscriptions, new MockLink(all)) : undefined;
  const cache = createCache();
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <MockedProvider mocks={link ? undefined : all} link={link} cache={cache} defaultOptions={appDefaults ? DEFAULT_OPTIONS : undefined}>
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider initialToken={token}>
          <PrefsProvider initial={{ locale: 'en', elderMode: elder, timeZone: 'Asia/Shanghai' }} initialAntdLocale={enUS}>
            <ConfigProvider locale={enUS}>
              <LiveProvider live={live ?? null}>
                <ActingProvider>{children}</ActingProvider>
              </LiveProvider>
            </ConfigProvider>
          </PrefsProvider>
        </AuthProvider>
      </MemoryRouter>
    </MockedProvider>
  );
  return { ...render(ui, { wrapper: Wrapper }), cache };
}
