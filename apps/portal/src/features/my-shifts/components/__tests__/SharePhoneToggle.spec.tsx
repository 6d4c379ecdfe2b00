import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { ShareClaimPhoneMutation } from '../../api/share-claim-phone';
import { SharePhoneToggle } from '../SharePhoneToggle';

const shared = (share: boolean) => ({
  request: { query: ShareClaimPhoneMutation, variables: { input: { claimId: 'c1', share } } },
  result: { data: { shareClaimPhone: { __typename: 'ShiftClaim' as const, id: 'c1', phoneShared: share } } },
});

describe('SharePhoneToggle', () => {
  it('should share the phone with the organisers of this shift when switched on', async () => {
    const mock = { ...shared(true), result: jest.fn(() => shared(true).result) };
    renderWithApp(<SharePhoneToggle claimId="c1" shared={false} />, { token: 't', mocks: [mock] });
    const toggle = await screen.findByRole('switch', { name: 'Share my phone with the organisers for this shift' });
    expect(toggle).not.toBeChecked();
    expect(screen.getByText('The organisers see your number masked.')).toBeInTheDocument();
    await userEvent.click(toggle);
    await waitFor(() => expect(mock.result).toHaveBeenCalled());
  });

  it('should stop sharing with the keyboard when switched off', async () => {
    const mock = { ...shared(false), result: jest.fn(() => shared(false).result) };
    renderWithApp(<SharePhoneToggle claimId="c1" shared />, { token: 't', mocks: [mock] });
    const toggle = await screen.findByRole('switch', { name: 'Share my phone with the organisers for this shift' });
    expect(screen.getByText('The organisers of this shift see your full number.')).toBeInTheDocument();
    toggle.focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(mock.result).toHaveBeenCalled());
  });
});
