import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { OrganizationPageQuery } from '../../api/organization';
import { OrganizationPage } from '../OrganizationPage';

const emptyPage = (typename: string) => ({ __typename: `${typename}Connection` as const, totalCount: 0, pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false }, edges: [] });

const page = {
  request: { query: OrganizationPageQuery, variables: { id: 'o1' } },
  result: {
    data: {
      organization: {
        __typename: 'Organization' as const,
        id: 'o1',
        name: 'Green Hands',
        kind: 'NGO',
        description: 'Tree planting',
        verified: false,
        verifiedAt: null,
        verificationStatus: 'PENDING',
        registrationNumber: '91350100M000100Y43',
        review: null,
        allianceMemberships: [],
        region: { __typename: 'Region' as const, id: 'g1', name: '网格', nameEn: 'Grid 1', parent: null },
        members: emptyPage('Membership'),
        tasks: emptyPage('Task'),
      },
      requested: [],
      invited: [],
      me: { __typename: 'User' as const, id: 'u5', role: 'OFFICIAL', memberships: [] },
    },
  },
  maxUsageCount: 5,
};

describe('OrganizationPage', () => {
  it("should lead back to the officials' desk and offer no joining when opened from the desk", async () => {
    renderWithApp(<OrganizationPage id="o1" />, { token: 't', mocks: [page], route: '/orgs/o1?from=desk', me: { role: 'OFFICIAL' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Green Hands' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Officials' desk" })).toHaveAttribute('href', '/official');
    expect(screen.queryByRole('link', { name: 'My groups' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask to join' })).not.toBeInTheDocument();
    expect(screen.getByText(/91350100M000100Y43/)).toBeInTheDocument();
  });

  it('should lead back to my groups and offer joining when opened anywhere else', async () => {
    renderWithApp(<OrganizationPage id="o1" />, { token: 't', mocks: [page], route: '/orgs/o1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Green Hands' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My groups' })).toHaveAttribute('href', '/orgs');
    expect(screen.getByRole('button', { name: 'Ask to join' })).toBeInTheDocument();
  });
});
