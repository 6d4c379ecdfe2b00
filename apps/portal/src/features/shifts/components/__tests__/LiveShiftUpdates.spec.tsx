import { act, screen, waitFor } from '@testing-library/react';
import { MockSubscriptionLink } from '@apollo/client/testing';
import { fakeLive, renderWithApp } from '../../../../../test/render';
import LiveShiftUpdates from '../LiveShiftUpdates';
import { ShiftBoard } from '../ShiftBoard';
import { OpenShiftsQuery } from '../../api/open-shifts';
import { RegionsQuery } from '../../../../lib/regions';

// A poll the test can wait for (the board's is 20 s).
jest.mock('../../api/open-shifts', () => ({ ...jest.requireActual('../../api/open-shifts'), BOARD_POLL_MS: 50 }));

const topRegions = (regions: { id: string; name: string }[]) => ({
  request: { query: RegionsQuery, variables: { parentId: null } },
  result: { data: { regions: regions.map((r) => ({ __typename: 'Region', ...r, nameEn: r.name, level: 'DISTRICT' })) } },
  maxUsageCount: 5,
});
const topRegionsFail = { request: { query: RegionsQuery, variables: { parentId: null } }, error: new Error('offline'), maxUsageCount: 5 };

/** The board's list, counting how often it is fetched. */
function boardMock() {
  const fetched = { count: 0 };
  const mock = {
    request: { query: OpenShiftsQuery, variables: () => true },
    result: () => {
      fetched.count += 1;
      return {
        data: { openShifts: { __typename: 'ShiftConnection', totalCount: 0, totalCountExact: true, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, edges: [] } },
      };
    },
    maxUsageCount: 1000,
  };
  return { mock, fetched };
}

const pause = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

describe('LiveShiftUpdates', () => {
  it('should say the feed is down when the top regions cannot be loaded', async () => {
    const onDown = jest.fn();
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(<LiveShiftUpdates onDown={onDown} />, { mocks: [topRegionsFail], subscriptions, live: fakeLive('connected') });
    await waitFor(() => expect(onDown).toHaveBeenCalledTimes(1));
    expect(subscriptions.operation).toBeUndefined();
  });

  it('should say the feed is down when there are no top regions to follow', async () => {
    const onDown = jest.fn();
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(<LiveShiftUpdates onDown={onDown} />, { mocks: [topRegions([])], subscriptions, live: fakeLive('connected') });
    await waitFor(() => expect(onDown).toHaveBeenCalledTimes(1));
    expect(subscriptions.operation).toBeUndefined();
  });

  it('should not say so while the top regions load, nor for a region chosen', async () => {
    const onDown = jest.fn();
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(<LiveShiftUpdates regionId="g1" onDown={onDown} />, { mocks: [], subscriptions, live: fakeLive('connected') });
    await waitFor(() => expect(subscriptions.operation?.variables).toEqual({ regionId: 'g1' }));
    expect(onDown).not.toHaveBeenCalled();
  });
});

describe('ShiftBoard without a live feed', () => {
  it('should poll, though the socket is up, when there is no top region to follow', async () => {
    const { mock, fetched } = boardMock();
    renderWithApp(<ShiftBoard />, { mocks: [mock, topRegionsFail], subscriptions: new MockSubscriptionLink(), live: fakeLive('connected') });
    expect(await screen.findByText('No shifts match. Try other filters.')).toBeInTheDocument();
    await waitFor(() => expect(fetched.count).toBeGreaterThanOrEqual(3));
  });

  it('should poll while its feed has failed, and start the feed again when the socket comes back', async () => {
    const { mock, fetched } = boardMock();
    const live = fakeLive('connected');
    const subscriptions = new MockSubscriptionLink();
    let setups = 0;
    subscriptions.onSetup(() => (setups += 1));
    renderWithApp(<ShiftBoard />, { mocks: [mock, topRegions([{ id: 'd1', name: 'Wuhou' }])], subscriptions, live });
    await waitFor(() => expect(setups).toBe(1));
    await pause(200);
    expect(fetched.count).toBe(1); // live: no poll

    act(() => subscriptions.simulateResult({ error: new Error('refused') }));
    await waitFor(() => expect(fetched.count).toBeGreaterThanOrEqual(3));

    act(() => live.set('closed'));
    act(() => live.set('connected'));
    await waitFor(() => expect(setups).toBe(2));
    expect(subscriptions.operation?.variables).toEqual({ regionId: 'd1' });
    // (the catch-up fetch of the reconnection may still land)
    await pause(100);
    const after = fetched.count;
    await pause(300);
    expect(fetched.count).toBe(after);
  });
});
