import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { RegionsQuery } from '../../../../lib/regions';
import { PublicIncentivesQuery } from '../../api/public-incentives';
import { PublicIncentives } from '../PublicIncentives';
import { office } from './fixtures';

const award = (id: string, recipientName: string, points: number) => ({
  __typename: 'Incentive' as const,
  id,
  points,
  reason: 'Flood relief',
  recipientName,
  createdAt: '2026-11-30T02:00:00.000Z',
  budget: { __typename: 'Budget' as const, organization: office },
});

const page = (nodes: ReturnType<typeof award>[], after: string | null, hasNextPage: boolean, totalCount = 3) => ({
  request: { query: PublicIncentivesQuery, variables: (v: { regionId?: string; after?: string | null }) => !v.regionId && (v.after ?? null) === after },
  result: {
    data: {
      incentives: {
        __typename: 'IncentiveConnection' as const,
        totalCount,
        edges: nodes.map((node) => ({ __typename: 'IncentiveEdge' as const, cursor: node.id, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: nodes[nodes.length - 1]?.id ?? null },
      },
    },
  },
});

const roots = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };

describe('PublicIncentives', () => {
  it('should list issued awards with masked names, signed out, and page on', async () => {
    renderWithApp(<PublicIncentives />, { mocks: [roots, page([award('a1', '王*明', 200), award('a2', 'Green Hands', 300)], null, true), page([award('a3', '李*英', 100)], 'a2', false)] });
    const list = await screen.findByRole('region', { name: 'Awards' });
    expect(await within(list).findByText('3 awards')).toBeInTheDocument();
    expect(list).toHaveTextContent('王*明 · 200 points');
    expect(list).toHaveTextContent('Awarded by Yulin Street Office');
    await userEvent.click(within(list).getByRole('button', { name: 'Show more' }));
    expect(await within(list).findByText('李*英')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Region')).toBeInTheDocument();
  });

  it('should list the awards of the region chosen', async () => {
    const district = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [{ __typename: 'Region' as const, id: 'd1', name: '武侯区', nameEn: 'Wuhou District', level: 'DISTRICT' }] } }, maxUsageCount: 5 };
    const streets = { request: { query: RegionsQuery, variables: { parentId: 'd1' } }, result: { data: { regions: [] } }, maxUsageCount: 5 };
    const inRegion = {
      request: { query: PublicIncentivesQuery, variables: (v: { regionId?: string }) => v.regionId === 'd1' },
      result: { data: { incentives: { __typename: 'IncentiveConnection' as const, totalCount: 1, edges: [{ __typename: 'IncentiveEdge' as const, cursor: 'x', node: award('x', '赵*', 50) }], pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: 'x' } } } },
    };
    renderWithApp(<PublicIncentives />, { mocks: [district, streets, page([award('a1', '王*明', 200)], null, false, 1), inRegion] });
    expect(await screen.findByText('王*明')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Region'));
    await userEvent.click(await screen.findByText('Wuhou District', { selector: '.ant-cascader-menu-item-content' }));
    expect(await screen.findByText('赵*')).toBeInTheDocument();
    expect(screen.queryByText('王*明')).not.toBeInTheDocument();
    // The district's streets are still being asked for when a loaded machine gets here: let
    // that answer arrive before the page goes away.
    await waitFor(() => expect(document.querySelector('.ant-cascader-menu-item-loading-icon')).toBeNull());
  });

  it('should say when there are none, and show a failure with a retry', async () => {
    const { unmount } = renderWithApp(<PublicIncentives />, { mocks: [roots, page([], null, false, 0)] });
    expect(await screen.findByText('No awards in this region yet.')).toBeInTheDocument();
    unmount();
    renderWithApp(<PublicIncentives />, { mocks: [roots, { request: { query: PublicIncentivesQuery, variables: () => true }, result: { errors: [new GraphQLError('x', { extensions: { code: 'INTERNAL' } })] } }] });
    expect(await screen.findByText('Something went wrong on our side. Please try again later.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
