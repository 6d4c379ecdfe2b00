import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { MerchantQuery } from '../../api/merchant';
import { MerchantRedemptionsQuery } from '../../api/merchant-redemptions';
import { MerchantRedemptionsPage } from '../MerchantRedemptionsPage';
import { memberOf, page } from './fixtures';

const merchant = {
  request: { query: MerchantQuery, variables: { id: 'm1' } },
  result: { data: { organization: { __typename: 'Organization' as const, id: 'm1', name: 'Yulin Kitchen', nameEn: null, kind: 'MERCHANT', allianceMemberships: [] } } },
  maxUsageCount: 5,
};
const user = (id: string, displayName: string) => ({ __typename: 'User' as const, id, displayName });
const row = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Redemption' as const,
  id,
  status: 'CONFIRMED',
  points: 50,
  expiresAt: '2026-11-20T04:30:00.000Z',
  confirmedAt: '2026-11-20T04:10:00.000Z',
  onBehalfOf: false,
  user: user('u1', 'Wang Xiaoming'),
  confirmedBy: user('u4', 'Zhao Lei'),
  reward: { __typename: 'Reward' as const, id: 'r1', title: 'Free noodles' },
  ...over,
});

describe('MerchantRedemptionsPage', () => {
  it('should list the redemptions with who confirmed them, a page at a time', async () => {
    const first = { request: { query: MerchantRedemptionsQuery, variables: { organizationId: 'm1', first: 25 } }, result: { data: { merchantRedemptions: page('Redemption', [row('d1')], { hasNextPage: true, endCursor: 'c1', totalCount: 2 }) } } };
    const second = {
      request: { query: MerchantRedemptionsQuery, variables: { organizationId: 'm1', first: 25, after: 'c1' } },
      result: { data: { merchantRedemptions: page('Redemption', [row('d2', { status: 'HELD', confirmedAt: null, confirmedBy: null, onBehalfOf: true, user: user('u11', 'Zhang Defu') })], { hasNextPage: false, endCursor: 'c2', totalCount: 2 }) } },
    };
    renderWithApp(<MerchantRedemptionsPage orgId="m1" />, { token: 't', me: memberOf('m1', 'ADMIN') as never, mocks: [merchant, first, second] });
    expect(await screen.findByRole('heading', { level: 2, name: '2 redemptions' })).toBeInTheDocument();
    expect(screen.getByText(/^Confirmed .*20 Nov.*12:10 by Zhao Lei$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show older redemptions' }));
    expect(await screen.findByText('For Zhang Defu (redeemed by their proxy)')).toBeInTheDocument();
    expect(screen.getByText('Ready to use')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});
