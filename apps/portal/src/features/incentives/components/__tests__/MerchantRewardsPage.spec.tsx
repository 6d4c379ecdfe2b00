import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { CreateRewardMutation, SetRewardPausedMutation, UpdateRewardMutation } from '../../api/manage-rewards';
import { MerchantQuery } from '../../api/merchant';
import { RewardsQuery } from '../../api/rewards';
import { MerchantRewardsPage } from '../MerchantRewardsPage';
import { alliance, memberOf, page, recording, reward } from './fixtures';

const merchant = (memberships: object[]) => ({
  request: { query: MerchantQuery, variables: { id: 'm1' } },
  result: { data: { organization: { __typename: 'Organization' as const, id: 'm1', name: 'Yulin Kitchen', nameEn: null, kind: 'MERCHANT', allianceMemberships: memberships } } },
  maxUsageCount: 5,
});
const membership = (id: string, status: string, a: ReturnType<typeof alliance>) => ({ __typename: 'AllianceMember' as const, id, status, alliance: a });
const active = [membership('am1', 'ACTIVE', alliance('a1', 'Yulin Street Alliance')), membership('am2', 'SUSPENDED', alliance('a2', 'Old Town Alliance'))];
const list = (nodes: object[]) => ({ request: { query: RewardsQuery, variables: { filter: { merchantId: 'm1' }, first: 20 } }, result: { data: { rewards: page('Reward', nodes) } }, maxUsageCount: 5 });
const asAdmin = { me: memberOf('m1', 'ADMIN') as never };

describe('MerchantRewardsPage', () => {
  it('should list the merchant’s rewards in every status, with pause or resume where it applies', async () => {
    renderWithApp(<MerchantRewardsPage orgId="m1" />, {
      token: 't',
      ...asAdmin,
      mocks: [merchant(active), list([reward({ viewerCanManage: true }), reward({ id: 'r2', title: 'Tea', status: 'PAUSED', viewerCanManage: true }), reward({ id: 'r3', title: 'Cake', status: 'SOLD_OUT', stock: 0, viewerCanManage: true })])],
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Our rewards (3)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause Free noodles' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume Tea' })).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Cake' })).getByText('Sold out')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Pause Cake|Resume Cake/ })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should create a reward in the one alliance the merchant is an active member of', async () => {
    const sent: { input: Record<string, unknown> }[] = [];
    const created = reward({ id: 'r9', title: 'Free tea', pointsCost: 20, stock: 30, validUntil: null, description: null, viewerCanManage: true });
    renderWithApp(<MerchantRewardsPage orgId="m1" />, { token: 't', ...asAdmin, mocks: [merchant(active), list([]), recording(CreateRewardMutation, { data: { createReward: created } }, sent), list([created])] });
    const form = await screen.findByRole('region', { name: 'New reward' });
    expect(within(form).getByText('Yulin Street Alliance')).toBeInTheDocument();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Free tea');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Points' }), '20');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Places' }), '30');
    await userEvent.click(within(form).getByRole('button', { name: 'Offer the reward' }));
    expect(await screen.findByText('“Free tea” is on offer.')).toBeInTheDocument();
    expect(sent[0]).toEqual({ input: { organizationId: 'm1', allianceId: 'a1', title: 'Free tea', description: null, pointsCost: 20, stock: 30, validUntil: null } });
  });

  it("should show the API's error under the field it names", async () => {
    const refused = { errors: [{ message: 'too dear', extensions: { code: 'BAD_USER_INPUT', field: 'pointsCost', key: 'reward.pointsCostTooHigh' } }] };
    renderWithApp(<MerchantRewardsPage orgId="m1" />, { token: 't', ...asAdmin, mocks: [merchant(active), list([]), { request: { query: CreateRewardMutation, variables: () => true }, result: refused }] });
    const form = await screen.findByRole('region', { name: 'New reward' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Free tea');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Points' }), '99999');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Places' }), '3');
    await userEvent.click(within(form).getByRole('button', { name: 'Offer the reward' }));
    const points = within(form).getByRole('spinbutton', { name: 'Points' });
    await waitFor(() => expect(points.closest('.ant-form-item')).toHaveTextContent('Something in the form is not right; please check it.'));
  });

  it('should say that rewards need an active alliance membership', async () => {
    renderWithApp(<MerchantRewardsPage orgId="m1" />, { token: 't', ...asAdmin, mocks: [merchant([active[1]]), list([])] });
    expect(await screen.findByText('Your organisation must be an active member of an alliance to offer rewards.')).toBeInTheDocument();
  });

  it('should edit a reward and pause it', async () => {
    const edits: { input: Record<string, unknown> }[] = [];
    const r = reward({ viewerCanManage: true });
    const pause = { request: { query: SetRewardPausedMutation, variables: { rewardId: 'r1', paused: true } }, result: { data: { setRewardPaused: { ...r, status: 'PAUSED' } } } };
    renderWithApp(<MerchantRewardsPage orgId="m1" />, { token: 't', ...asAdmin, mocks: [merchant(active), list([r]), recording(UpdateRewardMutation, { data: { updateReward: { ...r, stock: 12 } } }, edits), pause] });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Free noodles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Free noodles”' });
    const stock = within(dialog).getByRole('spinbutton', { name: 'Places' });
    expect(await axeViolations()).toEqual([]);
    await userEvent.clear(stock);
    await userEvent.type(stock, '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('“Free noodles” is saved.')).toBeInTheDocument();
    expect(edits[0].input).toMatchObject({ rewardId: 'r1', title: 'Free noodles', pointsCost: 50, stock: 12, validUntil: '2026-12-31T15:59:59.000Z' });
    expect(await screen.findByText('12 left')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Pause Free noodles' }));
    expect(await screen.findByRole('button', { name: 'Resume Free noodles' })).toBeInTheDocument();
    expect(screen.getByText('Paused')).toBeInTheDocument();
  });

  it('should keep the page to the merchant’s admins', async () => {
    renderWithApp(<MerchantRewardsPage orgId="m1" />, { token: 't', me: memberOf('m1', 'MEMBER') as never, mocks: [merchant(active)] });
    expect(await screen.findByText("Only the organisation's admins can use this page.")).toBeInTheDocument();
  });
});
