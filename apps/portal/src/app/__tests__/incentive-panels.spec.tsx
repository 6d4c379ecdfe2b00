import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../test/render';
import { OrganizationPageQuery } from '../../features/organizations/api/organization';
import OrganizationRoute from '../routes/organization';

const emptyPage = (typename: string) => ({ __typename: `${typename}Connection` as const, totalCount: 0, pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false }, edges: [] });
const orgPage = (kind: string) => ({
  request: { query: OrganizationPageQuery, variables: { id: 'm1' } },
  result: {
    data: {
      organization: {
        __typename: 'Organization' as const,
        id: 'm1',
        name: 'Yulin Kitchen',
        nameEn: null,
        kind,
        description: null,
        verified: true,
        verifiedAt: null,
        verificationStatus: 'VERIFIED',
        registrationNumber: null,
        review: null,
        allianceMemberships: [],
        region: { __typename: 'Region' as const, id: 'g1', name: '网格', nameEn: 'Grid 1', parent: null },
        members: emptyPage('Membership'),
        tasks: emptyPage('Task'),
      },
      requested: [],
      invited: [],
      me: { __typename: 'User' as const, id: 'u4', role: 'RESIDENT', memberships: [{ __typename: 'Membership' as const, id: 'ms1', role: 'MEMBER', status: 'ACTIVE', organization: { __typename: 'Organization' as const, id: 'm1' } }] },
    },
  },
  maxUsageCount: 5,
});

const route = (
  <Routes>
    <Route path="/orgs/:orgId" element={<OrganizationRoute />} />
  </Routes>
);

describe('the organisation page for merchants', () => {
  it("should lead a merchant's members to the counter", async () => {
    renderWithApp(route, { token: 't', route: '/orgs/m1', mocks: [orgPage('MERCHANT')] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Rewards and the counter' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Counter' })).toHaveAttribute('href', '/orgs/m1/counter');
  });

  it('should not show the counter on other kinds of organisation', async () => {
    renderWithApp(route, { token: 't', route: '/orgs/m1', mocks: [orgPage('NGO')] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Yulin Kitchen' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Counter' })).not.toBeInTheDocument();
  });
});
