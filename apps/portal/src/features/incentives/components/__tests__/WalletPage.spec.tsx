import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { PointsHistoryQuery } from '../../api/points-history';
import { WalletQuery } from '../../api/wallet';
import { WalletPage } from '../WalletPage';
import { org, page } from './fixtures';

const wallet = {
  request: { query: WalletQuery },
  result: {
    data: {
      me: {
        __typename: 'User' as const,
        id: 'u1',
        pointsBalance: 120,
        timeCreditMinutes: 90,
        starLevel: 1,
        verifiedServiceMinutes: 150 * 60,
        honours: [{ __typename: 'Honour' as const, id: 'h1', title: 'Outstanding volunteer', reason: 'A year of riverside clean-ups', awardedAt: '2026-06-01T02:00:00.000Z', awardedBy: org('o1', 'Yilin Centre') }],
      },
    },
  },
  maxUsageCount: 5,
};

const entry = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'LedgerEntry' as const,
  id,
  currency: 'POINTS',
  amount: 20,
  balanceAfter: 120,
  kind: 'SERVICE_EARNING',
  memo: null,
  counterparty: 'Yilin Centre',
  createdAt: '2026-11-30T02:00:00.000Z',
  ...over,
});

const history = (currency: string, after: string | null, nodes: object[], next: { hasNextPage: boolean; endCursor: string | null; totalCount: number }) => ({
  request: { query: PointsHistoryQuery, variables: after ? { currency, first: 20, after } : { currency, first: 20 } },
  result: { data: { pointsHistory: page('LedgerEntry', nodes, next) } },
  maxUsageCount: 3,
});

describe('WalletPage', () => {
  it('should show both balances, the star level with the hours to the next, and the honours', async () => {
    renderWithApp(<WalletPage />, { token: 't', mocks: [wallet, history('POINTS', null, [], { hasNextPage: false, endCursor: null, totalCount: 0 })] });
    expect(await screen.findByRole('heading', { level: 1, name: 'My wallet' })).toBeInTheDocument();
    const balances = screen.getByRole('region', { name: 'Balances' });
    expect(within(balances).getByText('120')).toBeInTheDocument();
    expect(within(balances).getByText('90 minutes')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '1 star' })).toBeInTheDocument();
    // 150 h served: 300 h make the second star.
    expect(screen.getByText('150 h more to reach 2 stars (300 h).')).toBeInTheDocument();
    expect(screen.getByText('Outstanding volunteer')).toBeInTheDocument();
    expect(screen.getByText('A year of riverside clean-ups')).toBeInTheDocument();
    expect(await screen.findByText('Nothing here yet.')).toBeInTheDocument();
  });

  it('should list each entry in words with its signed amount, counterparty and balance, page on, and switch to time credits', async () => {
    const first = history('POINTS', null, [entry('e1'), entry('e2', { kind: 'REDEMPTION_HOLD', amount: -50, balanceAfter: 100, counterparty: null })], { hasNextPage: true, endCursor: 'LedgerEntry-c1', totalCount: 3 });
    const second = history('POINTS', 'LedgerEntry-c1', [entry('e3', { kind: 'INCENTIVE', amount: 150, balanceAfter: 150, counterparty: 'Yulin Street Office' })], { hasNextPage: false, endCursor: 'x', totalCount: 3 });
    const credits = history('TIME_CREDITS', null, [entry('t1', { currency: 'TIME_CREDITS', kind: 'TIME_CREDIT_DONATION', amount: -30, balanceAfter: 90, counterparty: '张*福' })], { hasNextPage: false, endCursor: null, totalCount: 1 });
    renderWithApp(<WalletPage />, { token: 't', mocks: [wallet, first, second, credits] });
    const list = await screen.findByRole('region', { name: 'History' });
    expect(await within(list).findByText('Points for verified service')).toBeInTheDocument();
    expect(within(list).getByText('+20 points')).toBeInTheDocument();
    expect(within(list).getByText('With Yilin Centre')).toBeInTheDocument();
    expect(within(list).getByText('Held for a reward code')).toBeInTheDocument();
    expect(within(list).getByText('−50 points')).toBeInTheDocument();
    expect(within(list).getByText('Balance after: 100 points')).toBeInTheDocument();
    expect(within(list).getByText('3 entries')).toBeInTheDocument();

    await userEvent.click(within(list).getByRole('button', { name: 'Show older entries' }));
    expect(await within(list).findByText('Incentive from a street office')).toBeInTheDocument();
    expect(within(list).getByText('+150 points')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();

    // antd's radio button takes the click on its label.
    await userEvent.click(within(list).getByText('Time credits'));
    expect(await within(list).findByText('Time credits given')).toBeInTheDocument();
    expect(within(list).getByText('−30 minutes')).toBeInTheDocument();
    expect(within(list).getByText('With 张*福')).toBeInTheDocument();
    expect(within(list).getByText('Balance after: 90 minutes')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should render in elder mode', async () => {
    renderWithApp(<WalletPage />, { token: 't', elder: true, mocks: [wallet, history('POINTS', null, [], { hasNextPage: false, endCursor: null, totalCount: 0 })] });
    expect(await screen.findByRole('heading', { level: 1, name: 'My wallet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Give time credits' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});
