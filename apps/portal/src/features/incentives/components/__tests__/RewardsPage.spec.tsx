import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { RegionsQuery } from '../../../../lib/regions';
import { CancelRedemptionMutation, MyRedemptionsQuery, RedeemRewardMutation } from '../../api/redemptions';
import { RewardAlliancesQuery, RewardsQuery } from '../../api/rewards';
import { WalletQuery } from '../../api/wallet';
import { RewardsPage } from '../RewardsPage';
import { alliance, page, recording, redemption, reward } from './fixtures';

type RedeemSent = { input: { rewardId: string; idempotencyKey: string; onBehalfOfUserId?: string } };

const regions = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };
const alliances = (regionId: string | null) => ({
  request: { query: RewardAlliancesQuery, variables: { regionId } },
  result: { data: { alliances: { __typename: 'AllianceConnection' as const, edges: [{ __typename: 'AllianceEdge' as const, cursor: 'a', node: alliance('a1', 'Yulin Street Alliance') }] } } },
  maxUsageCount: 5,
});
const wallet = (points: number) => ({
  request: { query: WalletQuery },
  result: { data: { me: { __typename: 'User' as const, id: 'u1', pointsBalance: points, timeCreditMinutes: 0, starLevel: 0, verifiedServiceMinutes: 0, honours: [] } } },
  maxUsageCount: 5,
});
const rewards = (filter: object, nodes: object[]) => ({ request: { query: RewardsQuery, variables: { filter, first: 20 } }, result: { data: { rewards: page('Reward', nodes) } }, maxUsageCount: 5 });
const mine = (nodes: object[]) => ({ request: { query: MyRedemptionsQuery, variables: { first: 20 } }, result: { data: { myRedemptions: page('Redemption', nodes) } }, maxUsageCount: 5 });
const base = (nodes: object[] = []) => [regions, alliances(null), wallet(120), mine(nodes)];

describe('RewardsPage', () => {
  it('should show each reward with its merchant, alliance, cost, places left, validity and status', async () => {
    renderWithApp(<RewardsPage />, { token: 't', mocks: [...base(), rewards({}, [reward(), reward({ id: 'r2', title: 'Haircut', pointsCost: 500, stock: 2, validUntil: null })])] });
    const card = await screen.findByRole('article', { name: 'Free noodles' });
    expect(within(card).getByText('50 points')).toBeInTheDocument();
    expect(within(card).getByText('Yulin Kitchen')).toBeInTheDocument();
    expect(within(card).getByText('Yulin Street Alliance')).toBeInTheDocument();
    expect(within(card).getByText('7 left')).toBeInTheDocument();
    expect(within(card).getByText('On offer')).toBeInTheDocument();
    expect(within(card).getByText('31 Dec 2026')).toBeInTheDocument();
    const dear = screen.getByRole('article', { name: 'Haircut' });
    expect(within(dear).getByText('No end date')).toBeInTheDocument();
    // 120 points: the haircut is out of reach.
    expect(within(dear).getByRole('button', { name: 'Redeem Haircut' })).toBeDisabled();
    expect(within(dear).getByText('380 points short')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should filter by the most points a reward may cost', async () => {
    renderWithApp(<RewardsPage />, { token: 't', mocks: [...base(), rewards({}, [reward()]), rewards({ maxPointsCost: 4 }, [reward()]), rewards({ maxPointsCost: 40 }, [])] });
    await screen.findByRole('article', { name: 'Free noodles' });
    await userEvent.type(screen.getByRole('spinbutton', { name: 'At most (points)' }), '40');
    expect(await screen.findByText('No rewards match.')).toBeInTheDocument();
  });

  it('should redeem after a confirmation that names the points held, then show the code big with its QR code and the time left', async () => {
    const sent: RedeemSent[] = [];
    renderWithApp(<RewardsPage />, { token: 't', mocks: [...base(), rewards({}, [reward()]), recording(RedeemRewardMutation, { data: { redeemReward: redemption() } }, sent)] });
    await userEvent.click(await screen.findByRole('button', { name: 'Redeem Free noodles' }));
    const ask = await screen.findByRole('dialog', { name: 'Redeem “Free noodles”?' });
    expect(ask).toHaveTextContent('50 points will be held from your balance.');
    await userEvent.click(within(ask).getByRole('button', { name: 'Hold 50 points and get the code' }));
    const shown = await screen.findByRole('dialog', { name: 'Your code' });
    expect(within(shown).getByText('ABCD 2345')).toHaveAttribute('aria-label', 'Code: A B C D 2 3 4 5');
    expect(await within(shown).findByRole('img', { name: 'QR code for “Free noodles”' })).toBeInTheDocument();
    expect(within(shown).getByRole('timer')).toHaveTextContent(/Valid for (30:00|29:\d\d)/);
    expect(sent[0]).toEqual({ input: { rewardId: 'r1', idempotencyKey: expect.any(String) } });
    expect(await axeViolations()).toEqual([]);
  });

  it("should say why a redemption was refused, and keep the key when it is tried again", async () => {
    const sent: RedeemSent[] = [];
    renderWithApp(<RewardsPage />, {
      token: 't',
      mocks: [...base(), rewards({}, [reward()]), recording(RedeemRewardMutation, { errors: [{ message: 'short', extensions: { code: 'CONFLICT', key: 'ledger.insufficientBalance' } }] }, sent, 2)],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Redeem Free noodles' }));
    const ask = await screen.findByRole('dialog', { name: 'Redeem “Free noodles”?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Hold 50 points and get the code' }));
    expect(await within(ask).findByRole('alert')).toHaveTextContent('There is not enough on the balance for this.');
    await userEvent.click(await within(ask).findByRole('button', { name: 'Hold 50 points and get the code' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].input.idempotencyKey).toBe(sent[0].input.idempotencyKey);
  });

  it('should redeem for the resident a proxy acts for, from their balance', async () => {
    const sent: RedeemSent[] = [];
    renderWithApp(<RewardsPage />, {
      token: 't',
      actingFor: { id: 'u11', displayName: 'Zhang Defu' },
      mocks: [...base(), rewards({}, [reward()]), recording(RedeemRewardMutation, { data: { redeemReward: redemption({ onBehalfOf: true, user: { __typename: 'User', id: 'u11', displayName: 'Zhang Defu' } }) } }, sent)],
    });
    expect(await screen.findByText(/You are redeeming for Zhang Defu/)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Redeem Free noodles' }));
    const ask = await screen.findByRole('dialog', { name: 'Redeem “Free noodles”?' });
    expect(ask).toHaveTextContent("50 points will be held from Zhang Defu's balance.");
    await userEvent.click(within(ask).getByRole('button', { name: 'Hold 50 points and get the code' }));
    expect(await screen.findByRole('dialog', { name: 'Your code' })).toBeInTheDocument();
    expect(sent[0]).toEqual({ input: { rewardId: 'r1', onBehalfOfUserId: 'u11', idempotencyKey: expect.any(String) } });
  });

  it('should list my redemptions with the code while held, and cancel one after asking', async () => {
    const cancel = {
      request: { query: CancelRedemptionMutation, variables: { id: 'd1' } },
      result: { data: { cancelRedemption: redemption({ status: 'CANCELLED', code: null }) } },
    };
    renderWithApp(<RewardsPage />, { token: 't', mocks: [...base([redemption(), redemption({ id: 'd2', status: 'CONFIRMED', code: null, confirmedAt: '2026-11-20T04:00:00.000Z' })]), rewards({}, []), cancel] });
    const mineList = await screen.findByRole('region', { name: 'My redemptions' });
    expect(await within(mineList).findByText('ABCD 2345')).toBeInTheDocument();
    expect(within(mineList).getByText('Ready to use')).toBeInTheDocument();
    expect(within(mineList).getByText('Used')).toBeInTheDocument();
    await userEvent.click(within(mineList).getByRole('button', { name: 'Cancel the code for Free noodles' }));
    const ask = await screen.findByRole('dialog', { name: 'Cancel the code for “Free noodles”?' });
    expect(ask).toHaveTextContent('The code stops working and 50 points come back to the balance.');
    await userEvent.click(within(ask).getByRole('button', { name: 'Cancel the code' }));
    expect(await screen.findByText('Cancelled: 50 points are back for “Free noodles”.')).toBeInTheDocument();
    expect(within(mineList).getByText('Cancelled')).toBeInTheDocument();
  });

  it('should show a held code big again from my redemptions, in elder mode too', async () => {
    renderWithApp(<RewardsPage />, { token: 't', elder: true, mocks: [...base([redemption()]), rewards({}, [])] });
    await userEvent.click(await screen.findByRole('button', { name: 'Show the code for Free noodles' }));
    const shown = await screen.findByRole('dialog', { name: 'Your code' });
    expect(within(shown).getByText('ABCD 2345')).toHaveClass('redemption-code-text');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('RewardsPage signed out', () => {
  it('should show the catalogue to anyone and ask to sign in to redeem', async () => {
    renderWithApp(<RewardsPage />, { mocks: [regions, alliances(null), rewards({}, [reward()])] });
    expect(await screen.findByRole('button', { name: 'Sign in to redeem Free noodles' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'My redemptions' })).not.toBeInTheDocument();
  });
});
