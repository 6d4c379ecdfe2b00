import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockLink } from '@apollo/client/testing';
import { useLocation } from 'react-router';
import { renderWithApp } from '../../../../../test/render';
import { boardShift } from '../../../../../test/fixtures/board-shift';
import { AppShell } from '../../../../app/layout/AppShell';
import { ShiftBoard } from '../ShiftBoard';
import { OpenShiftsQuery } from '../../api/open-shifts';
import { BoardPageQuery } from '../../api/board-page';
import { ClaimShiftMutation } from '../../api/claim-shift';
import type { ShiftFilter } from '../../../../gql/graphql';

// The icons package ships ES modules only, which this jest run does not load: blank icons.
jest.mock('@ant-design/icons', () => new Proxy({ __esModule: true }, { get: (icons: Record<string | symbol, unknown>, name) => (name in icons ? icons[name] : () => null) }));

const row = (id: string, name: string, nameEn: string, level: string) => ({ __typename: 'Region' as const, id, name, nameEn, level });
const GRID = row('g1', '第1网格', 'Grid 1', 'GRID');
const COMMUNITY = row('c1', '玉林北路社区', 'Yulin North Community', 'COMMUNITY');
const STREET = row('st1', '玉林街道', 'Yulin Street', 'STREET');
const DISTRICT = row('d1', '武侯区', 'Wuhou District', 'DISTRICT');
// The home grid with its parents, each with the children the area picker lists.
const HOME = {
  ...GRID,
  children: [],
  parent: { ...COMMUNITY, children: [GRID], parent: { ...STREET, children: [COMMUNITY], parent: { ...DISTRICT, children: [STREET] } } },
};

const shift = boardShift;

const recommendation = {
  __typename: 'ShiftRecommendation',
  score: 0.8,
  distanceKm: 0.4,
  reasons: [{ __typename: 'MatchReason', code: 'NEAR_HOME', weight: 0.5, detail: null }],
  shift: {
    __typename: 'Shift',
    id: 's9',
    startsAt: '2030-06-02T01:00:00.000Z',
    endsAt: '2030-06-02T03:00:00.000Z',
    capacity: 3,
    confirmedCount: 0,
    viewerClaim: null,
    task: { __typename: 'Task', id: 't9', title: 'Lunch for elders', category: 'ELDER_CARE', requiresApproval: false, organization: { __typename: 'Organization', id: 'o1', name: 'Yilin Centre', nameEn: null } },
  },
};

const boardPage = (acting = false) => ({
  request: { query: BoardPageQuery, variables: { withRecommendations: !acting, onBehalfOf: null } },
  result: { data: { me: { __typename: 'User', id: 'u1', homeRegion: HOME }, regions: [DISTRICT], ...(acting ? {} : { recommendedShifts: [recommendation] }) } },
  maxUsageCount: 5,
});

/** Answers every board request, recording the filter and the person each asked with. */
function openShifts(asked: { filter: ShiftFilter; onBehalfOf?: string | null }[], node = shift()) {
  return {
    request: { query: OpenShiftsQuery, variables: (v: { filter: ShiftFilter; onBehalfOf?: string | null }) => (asked.push(v), true) },
    result: {
      data: {
        openShifts: {
          __typename: 'ShiftConnection',
          totalCount: 1,
          totalCountExact: true,
          pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
          edges: [{ __typename: 'ShiftEdge', cursor: 'c1', node }],
        },
      },
    },
    maxUsageCount: 20,
  };
}

function Where() {
  return <output data-testid="where">{useLocation().search}</output>;
}

const ZHANG = { id: 'r1', displayName: 'Zhang Defu' };

describe('ShiftBoard, signed in', () => {
  it('should say it shows only the home grid, and widen to the whole street in one tap, keeping it in the address', async () => {
    const asked: { filter: ShiftFilter }[] = [];
    renderWithApp(
      <>
        <ShiftBoard />
        <Where />
      </>,
      { token: 't', mocks: [boardPage(), openShifts(asked)] },
    );
    expect(await screen.findByText('Showing only your home grid, Grid 1.')).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Night patrol' });
    expect(asked[0].filter.regionId).toBe('g1');
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);

    await userEvent.click(screen.getByRole('button', { name: 'All of Yulin Street' }));
    await waitFor(() => expect(asked.at(-1)?.filter.regionId).toBe('st1'));
    expect(screen.getByTestId('where')).toHaveTextContent('?region=d1%2Cst1');
    expect(screen.queryByText('Showing only your home grid, Grid 1.')).not.toBeInTheDocument();
  });

  it('should restore the filters of a shared link', async () => {
    const asked: { filter: ShiftFilter }[] = [];
    renderWithApp(<ShiftBoard />, { token: 't', route: '/?region=d1,st1&category=SAFETY_PATROL&skills=FIRST_AID&from=2030-06-01&to=2030-06-03&space=1', mocks: [boardPage(), openShifts(asked)] });
    await screen.findByRole('heading', { name: 'Night patrol' });
    expect(asked[0].filter).toMatchObject({ regionId: 'st1', category: 'SAFETY_PATROL', skills: ['FIRST_AID'], onlyWithSpace: true, from: '2030-05-31T16:00:00.000Z', to: '2030-06-03T16:00:00.000Z' });
    expect(screen.getByLabelText('From')).toHaveValue('2030-06-01');
    expect(screen.getByLabelText('To')).toHaveValue('2030-06-03');
    expect(screen.getByRole('checkbox', { name: 'Only shifts with places left' })).toBeChecked();
    expect(screen.queryByText(/Showing only your home grid/)).not.toBeInTheDocument();
  });

  it('should refuse an end before the start in the form itself, asking the API nothing', async () => {
    const asked: { filter: ShiftFilter }[] = [];
    renderWithApp(<ShiftBoard />, { token: 't', route: '/?region=all&from=2030-06-01', mocks: [boardPage(), openShifts(asked)] });
    await screen.findByRole('heading', { name: 'Night patrol' });
    const before = asked.length;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2030-05-20' } });
    expect(await screen.findByText('The end date is before the start date. Choose an end on or after the start.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { name: 'Night patrol' })).toBeInTheDocument();
    expect(asked.length).toBe(before);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it("should show the API's refusal of a filter under the field, without a retry", async () => {
    const refused = {
      request: { query: OpenShiftsQuery, variables: () => true },
      result: { errors: [new GraphQLError('`to` must be after `from`', { extensions: { code: 'BAD_USER_INPUT', field: 'filter.to', key: 'filter.emptyWindow' } })] },
      maxUsageCount: 5,
    };
    renderWithApp(<ShiftBoard />, { token: 't', route: '/?region=all&from=2030-06-01&to=2030-06-01', mocks: [boardPage(), refused] });
    const dates = (await screen.findByRole('group', { name: 'Dates' })) as HTMLElement;
    expect(await within(dates).findByRole('alert')).toHaveTextContent(/.+/);
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('should show, acting for a resident, his claim on each card, and turn the card once he claims', async () => {
    const asked: { filter: ShiftFilter; onBehalfOf?: string | null }[] = [];
    const claimed = {
      request: { query: ClaimShiftMutation, variables: { input: { shiftId: 's2', onBehalfOfUserId: 'r1' }, onBehalfOf: 'r1' } },
      result: {
        data: {
          claimShift: {
            __typename: 'ShiftClaim',
            id: 'c2',
            status: 'CONFIRMED',
            phoneShared: false,
            volunteer: { __typename: 'User', id: 'r1', displayName: 'Zhang Defu' },
            shift: { __typename: 'Shift', id: 's2', capacity: 4, confirmedCount: 2, waitlistCount: 0, pendingCount: 0, viewerClaim: { __typename: 'ShiftClaim', id: 'c2', status: 'CONFIRMED' } },
          },
        },
      },
    };
    const held = shift({ viewerClaim: { __typename: 'ShiftClaim', id: 'c1', status: 'CONFIRMED' } });
    const free = shift({ id: 's2', task: { ...shift().task, id: 't2', title: 'Park clean-up' } });
    const both = openShifts(asked);
    both.result.data.openShifts.totalCount = 2;
    both.result.data.openShifts.edges = [
      { __typename: 'ShiftEdge', cursor: 'c1', node: held },
      { __typename: 'ShiftEdge', cursor: 'c2', node: free },
    ];
    renderWithApp(<ShiftBoard />, { token: 't', actingFor: ZHANG, mocks: [boardPage(true), both, claimed] });

    const heldCard = (await screen.findByRole('heading', { name: 'Night patrol' })).closest('article')!;
    expect(asked[0].onBehalfOf).toBe('r1');
    expect(within(heldCard).getByText('Zhang Defu holds this shift.')).toBeInTheDocument();
    expect(within(heldCard).queryByRole('button', { name: /Claim for Zhang Defu/ })).not.toBeInTheDocument();
    // No recommendations for the leader herself while she acts for him.
    expect(screen.queryByRole('heading', { name: 'Recommended for you' })).not.toBeInTheDocument();

    const freeCard = screen.getByRole('heading', { name: 'Park clean-up' }).closest('article')!;
    await userEvent.click(within(freeCard).getByRole('button', { name: /Claim for Zhang Defu/ }));
    expect(await within(freeCard).findByText('Zhang Defu holds this shift.')).toBeInTheDocument();
    expect(within(freeCard).getByRole('button', { name: /Cancel for Zhang Defu/ })).toBeInTheDocument();
    expect(within(freeCard).queryByRole('button', { name: /Claim for Zhang Defu/ })).not.toBeInTheDocument();
  });

  it('should fold the filters into a sheet and the recommendations to a heading on a small screen', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({ ...original(query), matches: query.includes('max-width'), media: query }) as MediaQueryList;
    try {
      renderWithApp(<ShiftBoard />, { token: 't', mocks: [boardPage(), openShifts([])] });
      await screen.findByRole('heading', { name: 'Night patrol' });
      expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
      const more = await screen.findByRole('button', { name: 'Show 1 suggestion' });
      expect(more).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('heading', { name: 'Lunch for elders' })).not.toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: 'Filters (1)' }));
      const sheet = await screen.findByRole('dialog', { name: 'Filters' });
      expect(within(sheet).getByLabelText('From')).toBeInTheDocument();

      await userEvent.click(more);
      expect(await screen.findByRole('heading', { name: 'Lunch for elders' })).toBeInTheDocument();
    } finally {
      window.matchMedia = original;
    }
  });

  it('should load the signed-in board, header included, in three requests', async () => {
    const names: string[] = [];
    const original = MockLink.prototype.request;
    const request = jest.spyOn(MockLink.prototype, 'request').mockImplementation(function (this: MockLink, operation: Parameters<MockLink['request']>[0]) {
      if (operation.operationType !== 'subscription') names.push(operation.operationName ?? '');
      return original.call(this, operation);
    });
    try {
      renderWithApp(
        <AppShell>
          <ShiftBoard />
        </AppShell>,
        { token: 't', mocks: [boardPage(), openShifts([])], appDefaults: true },
      );
      await screen.findByRole('heading', { name: 'Night patrol' });
      // The area picker shows the home grid's path from the cache, with no request per level.
      expect(await screen.findByTitle('Grid 1')).toBeInTheDocument();
      // The bell has loaded and read its figure (from the session's answer).
      expect(await screen.findByRole('link', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
      expect([...names].sort()).toEqual(['BoardPage', 'OpenShifts', 'Session']);
    } finally {
      request.mockRestore();
    }
  });
});
