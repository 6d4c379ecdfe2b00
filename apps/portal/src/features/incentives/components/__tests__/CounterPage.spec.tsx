import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { ConfirmRedemptionMutation } from '../../api/confirm-redemption';
import { MerchantQuery } from '../../api/merchant';
import { CounterPage } from '../CounterPage';
import { apiError, memberOf, recording } from './fixtures';

type Sent = { input: { organizationId: string; code: string } };

const merchant = {
  request: { query: MerchantQuery, variables: { id: 'm1' } },
  result: { data: { organization: { __typename: 'Organization' as const, id: 'm1', name: 'Yulin Kitchen', nameEn: null, kind: 'MERCHANT', allianceMemberships: [] } } },
  maxUsageCount: 5,
};
const confirmed = {
  data: {
    confirmRedemption: {
      __typename: 'Redemption' as const,
      id: 'd1',
      status: 'CONFIRMED',
      points: 50,
      confirmedAt: '2026-12-01T04:05:00.000Z',
      onBehalfOf: false,
      user: { __typename: 'User' as const, id: 'u1', displayName: 'Wang Xiaoming' },
      reward: { __typename: 'Reward' as const, id: 'r1', title: 'Free noodles' },
    },
  },
};
const asMember = { me: memberOf('m1', 'MEMBER') as never };

describe('CounterPage', () => {
  it('should confirm a code typed in any case with spaces, and show the reward, the points and whose it was', async () => {
    const sent: Sent[] = [];
    renderWithApp(<CounterPage orgId="m1" />, { token: 't', ...asMember, mocks: [merchant, recording(ConfirmRedemptionMutation, confirmed, sent)] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Counter' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Code' }), ' abcd 2345 ');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Confirmed: Free noodles')).toBeInTheDocument();
    expect(screen.getByText('50 points')).toBeInTheDocument();
    expect(screen.getByText('For Wang Xiaoming')).toBeInTheDocument();
    expect(sent[0]).toEqual({ input: { organizationId: 'm1', code: 'ABCD2345' } });
    // Ready for the next customer.
    expect(screen.getByRole('textbox', { name: 'Code' })).toHaveValue('');
    expect(await axeViolations()).toEqual([]);
  });

  it.each([
    ['an unknown code', apiError('BAD_USER_INPUT', 'redemption.codeUnknown', 'code'), 'There is no such code. Check it with the customer and try again.'],
    ['a code already confirmed', apiError('CONFLICT', 'redemption.alreadyConfirmed'), 'This code has already been used.'],
    ['an expired code', apiError('CONFLICT', 'redemption.expired'), 'This code has expired. The customer can redeem the reward again.'],
    ['a cancelled code', apiError('CONFLICT', 'redemption.cancelled'), 'This code was cancelled by the customer.'],
    ["another merchant's code", apiError('BAD_USER_INPUT', 'redemption.otherMerchant', 'code'), "This code is for another merchant's reward."],
    ['too many wrong codes', { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 240 } }] }, 'Too many wrong codes. Wait 4 minutes before trying again.'],
  ])('should say so clearly for %s', async (_case, result, text) => {
    renderWithApp(<CounterPage orgId="m1" />, { token: 't', ...asMember, mocks: [merchant, { request: { query: ConfirmRedemptionMutation, variables: { input: { organizationId: 'm1', code: 'ZZZZ9999' } } }, result }] });
    const input = await screen.findByRole('textbox', { name: 'Code' });
    await userEvent.type(input, 'zzzz9999{Enter}');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/^Confirmed:/)).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should ask for a code before sending anything', async () => {
    renderWithApp(<CounterPage orgId="m1" />, { token: 't', ...asMember, mocks: [merchant] });
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the code.');
  });

  it('should offer scanning only where the browser reads QR codes', async () => {
    renderWithApp(<CounterPage orgId="m1" />, { token: 't', ...asMember, mocks: [merchant] });
    await screen.findByRole('textbox', { name: 'Code' });
    expect(screen.queryByRole('button', { name: 'Scan QR code' })).not.toBeInTheDocument();
  });

  it("should read the code from the customer's QR code with the camera and confirm it, then stop the camera", async () => {
    const stop = jest.fn();
    const detect = jest.fn().mockResolvedValue([{ rawValue: 'abcd2345' }]);
    Object.assign(globalThis, { BarcodeDetector: class { detect = detect; } });
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: jest.fn().mockResolvedValue({ getTracks: () => [{ stop }] }) } });
    const play = jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const sent: Sent[] = [];
    try {
      renderWithApp(<CounterPage orgId="m1" />, { token: 't', ...asMember, mocks: [merchant, recording(ConfirmRedemptionMutation, confirmed, sent)] });
      await userEvent.click(await screen.findByRole('button', { name: 'Scan QR code' }));
      expect(await screen.findByText('Confirmed: Free noodles')).toBeInTheDocument();
      expect(sent[0]).toEqual({ input: { organizationId: 'm1', code: 'ABCD2345' } });
      expect(stop).toHaveBeenCalled();
    } finally {
      delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
      play.mockRestore();
    }
  });

  it('should keep the counter to the merchant’s members', async () => {
    renderWithApp(<CounterPage orgId="m1" />, { token: 't', mocks: [merchant] });
    expect(await screen.findByText("Only the organisation's members can use this page.")).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Code' })).not.toBeInTheDocument();
  });
});
