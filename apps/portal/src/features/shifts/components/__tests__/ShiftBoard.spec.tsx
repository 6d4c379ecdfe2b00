import { act, screen, waitFor, within } from '@testing-library/react';
import { MockSubscriptionLink } from '@apollo/client/testing';
import { fakeLive, renderWithApp } from '../../../../../test/render';
import { boardShift } from '../../../../../test/fixtures/board-shift';
import { ShiftBoard } from '../ShiftBoard';
import { OpenShiftsQuery } from '../../api/open-shifts';
import { RegionsQuery } from '../../../../lib/regions';

const shift = boardShift({ capacity: 1, waitlistCount: 1 });

const board = {
  request: { query: OpenShiftsQuery, variables: () => true },
  result: {
    data: {
      openShifts: {
        __typename: 'ShiftConnection',
        totalCount: 1,
        totalCountExact: true,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
        edges: [{ __typename: 'ShiftEdge', cursor: 'c1', node: shift }],
      },
    },
  },
  maxUsageCount: 5,
};
const topRegions = {
  request: { query: RegionsQuery, variables: { parentId: null } },
  result: { data: { regions: [{ __typename: 'Region', id: 'd1', name: '武侯区', nameEn: 'Wuhou District', level: 'DISTRICT' }] } },
  maxUsageCount: 5,
};

describe('ShiftBoard', () => {
  it('should follow shiftUpdated for the region shown (the top region when none is chosen) and show the new figures', async () => {
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(<ShiftBoard />, { mocks: [board, topRegions], subscriptions, live: fakeLive('connected') });
    const card = (await screen.findByRole('heading', { name: 'Night patrol' })).closest('article')!;
    expect(within(card).getByText('1 waiting')).toBeInTheDocument();

    await waitFor(() => expect(subscriptions.operation?.operationName).toBe('ShiftUpdated'));
    expect(subscriptions.operation?.variables).toEqual({ regionId: 'd1' });
    act(() =>
      subscriptions.simulateResult({
        result: { data: { shiftUpdated: { __typename: 'Shift', id: 's1', capacity: 1, confirmedCount: 0, waitlistCount: 0, pendingCount: 0, viewerClaim: null } } },
      }),
    );
    expect(await within(card).findByText('1 place left')).toBeInTheDocument();
    expect(within(card).queryByText('1 waiting')).toBeNull();
  });

  it('should say "more than" when the total passed the count cap', async () => {
    const capped = { ...board, result: { data: { openShifts: { ...board.result.data.openShifts, totalCount: 1000, totalCountExact: false } } } };
    renderWithApp(<ShiftBoard />, { mocks: [capped, topRegions] });
    expect(await screen.findByRole('heading', { name: 'More than 1,000 shifts' })).toBeInTheDocument();
  });

  it('should give the exact total while it is below the cap', async () => {
    renderWithApp(<ShiftBoard />, { mocks: [board, topRegions] });
    expect(await screen.findByRole('heading', { name: '1 shift' })).toBeInTheDocument();
  });

  it('should keep the pages shown when the socket comes back, fetching as many shifts as are shown', async () => {
    const shiftN = (n: number) => ({ ...shift, id: `s${n}`, task: { ...shift.task, id: `t${n}`, title: `Task ${n}` } });
    const page = (from: number, count: number, hasNextPage: boolean) => ({
      data: {
        openShifts: {
          __typename: 'ShiftConnection',
          totalCount: 40,
          totalCountExact: true,
          pageInfo: { __typename: 'PageInfo', endCursor: `c${from + count - 1}`, hasNextPage },
          edges: Array.from({ length: count }, (_, i) => ({ __typename: 'ShiftEdge', cursor: `c${from + i}`, node: shiftN(from + i) })),
        },
      },
    });
    const asked: { first?: number; after?: string }[] = [];
    const mock = (first: number, after: string | undefined, result: ReturnType<typeof page>) => ({
      request: { query: OpenShiftsQuery, variables: (v: { first?: number; after?: string }) => v.first === first && v.after === after && (asked.push(v), true) },
      result,
    });
    const live = fakeLive('connected');
    renderWithApp(<ShiftBoard />, { mocks: [mock(20, undefined, page(1, 20, true)), mock(20, 'c20', page(21, 20, false)), mock(40, undefined, page(1, 40, false)), topRegions], live });
    await screen.findByRole('heading', { name: 'Task 20' });
    act(() => screen.getByRole('button', { name: 'Show more' }).click());
    await screen.findByRole('heading', { name: 'Task 40' });
    act(() => live.set('closed'));
    act(() => live.set('connected'));
    await waitFor(() => expect(asked.map((v) => [v.first, v.after])).toEqual([[20, undefined], [20, 'c20'], [40, undefined]]));
    expect(await screen.findByRole('heading', { name: 'Task 40' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Task 1' })).toBeInTheDocument();
  });
});
