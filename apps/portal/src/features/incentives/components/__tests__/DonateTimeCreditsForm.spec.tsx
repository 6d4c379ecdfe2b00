import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { DonateTimeCreditsMutation, FindDonationRecipientQuery } from '../../api/donate-time-credits';
import { DonateTimeCreditsForm } from '../DonateTimeCreditsForm';
import { apiError, recording } from './fixtures';

type Sent = { input: { recipientUserId: string; minutes: number; note?: string; idempotencyKey: string } };

const found = {
  request: { query: FindDonationRecipientQuery, variables: { phone: '13800000011' } },
  result: { data: { userByPhone: { __typename: 'User' as const, id: 'u11', displayName: 'Zhang Defu', phone: '138****0011' } } },
  maxUsageCount: 3,
};
const entry = { __typename: 'LedgerEntry' as const, id: 'e9', currency: 'TIME_CREDITS', amount: -30, balanceAfter: 60, kind: 'TIME_CREDIT_DONATION', memo: 'For the winter', counterparty: '张*福', createdAt: '2026-12-01T02:00:00.000Z' };

async function findRecipient() {
  await userEvent.type(await screen.findByRole('textbox', { name: 'Their mobile number' }), '13800000011');
  await userEvent.click(screen.getByRole('button', { name: 'Find' }));
  expect(await screen.findByText('Found: Zhang Defu (138****0011)')).toBeInTheDocument();
}

describe('DonateTimeCreditsForm', () => {
  it('should explain who may receive time credits', async () => {
    renderWithApp(<DonateTimeCreditsForm balance={90} />, { token: 't' });
    expect(await screen.findByText(/to a resident aged 60 or over, or to someone who made you their proxy/)).toBeInTheDocument();
  });

  it('should give the minutes with a note to the person found by phone, with an idempotency key', async () => {
    const sent: Sent[] = [];
    renderWithApp(<DonateTimeCreditsForm balance={90} />, { token: 't', mocks: [found, recording(DonateTimeCreditsMutation, { data: { donateTimeCredits: entry } }, sent)] });
    await findRecipient();
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Minutes to give' }), '30');
    await userEvent.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'For the winter');
    await userEvent.click(screen.getByRole('button', { name: 'Give to Zhang Defu' }));
    expect(await screen.findByText('You gave 30 minutes to Zhang Defu.')).toBeInTheDocument();
    expect(sent[0]).toEqual({ input: { recipientUserId: 'u11', minutes: 30, note: 'For the winter', idempotencyKey: expect.any(String) } });
  });

  it("should show the API's errors under their fields, keep the key for a retry of the same input and take a new one for other input", async () => {
    const sent: Sent[] = [];
    const short = recording(DonateTimeCreditsMutation, apiError('CONFLICT', 'ledger.insufficientBalance', 'minutes'), sent, 2);
    const notEligible = recording(DonateTimeCreditsMutation, apiError('FORBIDDEN', 'donation.recipientNotEligible', 'recipientUserId'), sent);
    renderWithApp(<DonateTimeCreditsForm balance={null} />, { token: 't', mocks: [found, short, notEligible] });
    await findRecipient();
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes to give' });
    await userEvent.type(minutes, '500');
    await userEvent.click(screen.getByRole('button', { name: 'Give to Zhang Defu' }));
    expect(await screen.findByText('There is not enough on the balance for this.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Give to Zhang Defu' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].input.idempotencyKey).toBe(sent[0].input.idempotencyKey);

    await userEvent.clear(minutes);
    await userEvent.type(minutes, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Give to Zhang Defu' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2].input.idempotencyKey).not.toBe(sent[0].input.idempotencyKey);
    // Not under "minutes": the API named the recipient, whom the phone field found.
    const phoneError = await screen.findByText('You are not allowed to do this.');
    expect(phoneError.closest('.ant-form-item')).toContainElement(screen.getByRole('textbox', { name: 'Their mobile number' }));
    expect(await axeViolations()).toEqual([]);
  });
});
