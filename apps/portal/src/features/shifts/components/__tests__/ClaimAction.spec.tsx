import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { ClaimAction, type ClaimableShift } from '../ClaimAction';
import { ClaimShiftMutation } from '../../api/claim-shift';
import { CancelShiftClaimMutation } from '../../api/cancel-shift-claim';

const ZHANG = { id: 'r1', displayName: 'Zhang Defu' };

const shift = (over: Partial<ClaimableShift> = {}): ClaimableShift => ({ id: 's1', capacity: 4, confirmedCount: 1, viewerClaim: null, ...over });

const claimResult = (status: string, onBehalfOfUserId?: string, sharePhone?: boolean) => ({
  request: { query: ClaimShiftMutation, variables: { input: { shiftId: 's1', onBehalfOfUserId, sharePhone }, onBehalfOf: onBehalfOfUserId ?? null } },
  result: {
    data: {
      claimShift: {
        __typename: 'ShiftClaim',
        id: 'c1',
        status,
        phoneShared: !!sharePhone,
        volunteer: { __typename: 'User', id: onBehalfOfUserId ?? 'u1', displayName: onBehalfOfUserId ? 'Zhang Defu' : 'Wang Xiaoming' },
        shift: { __typename: 'Shift', id: 's1', capacity: 4, confirmedCount: 2, waitlistCount: 0, pendingCount: 0, viewerClaim: null },
      },
    },
  },
});

describe('ClaimAction', () => {
  it('should send a signed-out person to sign in first', () => {
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={false} label="Lunch" />);
    expect(screen.getByRole('button', { name: /Claim – Lunch/ })).toHaveTextContent('Sign in to claim');
  });

  it.each([
    ['CONFIRMED', 'Done! Your place is kept. Please be on time.'],
    ['WAITLISTED', 'The shift is full, so you are on the waiting list. When someone cancels, places go in order.'],
    ['PENDING_APPROVAL', 'Sent. The organiser will approve or decline your request.'],
  ])('should make a %s result plain after one tap', async (status, text) => {
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={status === 'PENDING_APPROVAL'} label="Lunch" />, { token: 't', mocks: [claimResult(status)] });
    await userEvent.click(await screen.findByRole('button', { name: /Lunch/ }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('should share the phone with the organisers along with the claim when the volunteer chooses to', async () => {
    const mock = claimResult('CONFIRMED', undefined, true);
    const result = jest.fn(() => mock.result);
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={false} label="Lunch" offerPhoneShare />, { token: 't', mocks: [{ ...mock, result }] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Share my phone with the organisers for this shift' }));
    await userEvent.click(screen.getByRole('button', { name: /Lunch/ }));
    expect(await screen.findByText('Done! Your place is kept. Please be on time.')).toBeInTheDocument();
    expect(result).toHaveBeenCalled();
  });

  it('should not offer to share the phone on the board, where a claim is one tap', async () => {
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={false} label="Lunch" />, { token: 't' });
    await screen.findByRole('button', { name: /Lunch/ });
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('should offer the waiting list when the shift is full', async () => {
    renderWithApp(<ClaimAction shift={shift({ confirmedCount: 4 })} requiresApproval={false} label="Lunch" />, { token: 't' });
    expect(await screen.findByRole('button', { name: /Join the waiting list/ })).toBeInTheDocument();
  });

  it('should ask to join when the task needs approval', async () => {
    renderWithApp(<ClaimAction shift={shift()} requiresApproval label="Patrol" />, { token: 't' });
    expect(await screen.findByRole('button', { name: /Ask to join/ })).toBeInTheDocument();
  });

  it('should show the standing claim instead of a button', async () => {
    renderWithApp(<ClaimAction shift={shift({ viewerClaim: { id: 'c9', status: 'WAITLISTED' } })} requiresApproval={false} label="Lunch" />, { token: 't' });
    expect(await screen.findByText('Waiting list')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Lunch/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my shifts' })).toHaveAttribute('href', '/my-shifts');
  });

  it('should claim in the name of the resident a grid leader acts for', async () => {
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={false} label="Lunch" />, {
      token: 't',
      actingFor: { id: 'r1', displayName: 'Zhang Defu' },
      mocks: [claimResult('CONFIRMED', 'r1')],
    });
    await userEvent.click(await screen.findByRole('button', { name: /Claim for Zhang Defu/ }));
    expect(await screen.findByText('Zhang Defu has a place.')).toBeInTheDocument();
  });

  it('should translate a conflict from the API', async () => {
    const mock = {
      request: { query: ClaimShiftMutation, variables: { input: { shiftId: 's1' }, onBehalfOf: null } },
      result: { errors: [new GraphQLError('dup', { extensions: { code: 'CONFLICT', key: 'claim.duplicate' } })] },
    };
    renderWithApp(<ClaimAction shift={shift()} requiresApproval={false} label="Lunch" />, { token: 't', mocks: [mock] });
    await userEvent.click(await screen.findByRole('button', { name: /Lunch/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Already claimed: there is a claim on this shift.');
  });

  it("should show the resident's own claim while acting for him, with a cancel for him instead of a claim", async () => {
    renderWithApp(<ClaimAction shift={shift({ viewerClaim: { id: 'c7', status: 'CONFIRMED' } })} requiresApproval={false} label="Lunch" />, { token: 't', actingFor: ZHANG });
    expect(await screen.findByText('Zhang Defu holds this shift.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Claim for Zhang Defu/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See my shifts' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel for Zhang Defu – Lunch' })).toBeInTheDocument();
  });

  it('should cancel the resident\'s claim for him after a confirmation', async () => {
    const cancelled = {
      request: { query: CancelShiftClaimMutation, variables: { input: { claimId: 'c7' }, onBehalfOf: 'r1' } },
      result: {
        data: {
          cancelClaim: {
            __typename: 'ShiftClaim',
            id: 'c7',
            status: 'CANCELLED',
            shift: { __typename: 'Shift', id: 's1', capacity: 4, confirmedCount: 0, waitlistCount: 0, pendingCount: 0, viewerClaim: null },
          },
        },
      },
    };
    renderWithApp(<ClaimAction shift={shift({ viewerClaim: { id: 'c7', status: 'WAITLISTED' } })} requiresApproval={false} label="Lunch" />, { token: 't', actingFor: ZHANG, mocks: [cancelled] });
    expect(await screen.findByText('Zhang Defu is on the waiting list.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel for Zhang Defu – Lunch' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, cancel' }));
    expect(await screen.findByText("Zhang Defu's claim is cancelled.")).toBeInTheDocument();
  });
});
