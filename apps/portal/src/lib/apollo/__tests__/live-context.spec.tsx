import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { LiveProvider, useFeedPolling, useLivePolling } from '../live-context';
import { fakeLive } from '../../../../test/render';

describe('useLivePolling', () => {
  it('should poll while the socket is down, stop while it delivers, and catch up when it comes back', () => {
    const live = fakeLive('connecting');
    const onResume = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => <LiveProvider live={live}>{children}</LiveProvider>;
    const { result } = renderHook(() => useLivePolling(20_000, onResume), { wrapper });
    expect(result.current).toBe(20_000);

    act(() => live.set('connected'));
    expect(result.current).toBe(0);
    expect(onResume).not.toHaveBeenCalled(); // the first connection: nothing was missed

    act(() => live.set('closed'));
    expect(result.current).toBe(20_000);
    act(() => live.set('connected'));
    expect(result.current).toBe(0);
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('should poll when there is no live connection at all', () => {
    const { result } = renderHook(() => useLivePolling(60_000));
    expect(result.current).toBe(60_000);
  });
});

describe('useFeedPolling', () => {
  it('should poll while the feed failed though the socket is up, and restart the feed when the socket comes back', () => {
    const live = fakeLive('connected');
    const onResume = jest.fn();
    const restartFeed = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => <LiveProvider live={live}>{children}</LiveProvider>;
    const { result, rerender } = renderHook(({ feedFailed }) => useFeedPolling(20_000, { feedFailed, onResume, restartFeed }), { wrapper, initialProps: { feedFailed: false } });
    expect(result.current).toBe(0);

    rerender({ feedFailed: true });
    expect(result.current).toBe(20_000);

    act(() => live.set('closed'));
    act(() => live.set('connected'));
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(restartFeed).toHaveBeenCalledTimes(1);
    rerender({ feedFailed: false });
    expect(result.current).toBe(0);

    // A feed that did not fail is left alone (graphql-ws resubscribes it on the new socket).
    act(() => live.set('closed'));
    act(() => live.set('connected'));
    expect(onResume).toHaveBeenCalledTimes(2);
    expect(restartFeed).toHaveBeenCalledTimes(1);
  });
});
