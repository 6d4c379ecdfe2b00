import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { CheckInShiftQuery, ScanCheckInMutation, ScanCheckOutMutation } from '../../api/check-in-shift';
import { CheckInPage } from '../CheckInPage';

const claim = (status: string, over: Record<string, unknown> = {}) => ({ __typename: 'ShiftClaim' as const, id: 'c1', status, checkInAt: null, checkOutAt: null, serviceRecord: null, ...over });
const shiftMock = (viewerClaim: ReturnType<typeof claim> | null) => ({
  request: { query: CheckInShiftQuery, variables: { id: 's1' } },
  result: {
    data: {
      shift: {
        __typename: 'Shift' as const,
        id: 's1',
        startsAt: '2026-12-05T01:00:00.000Z',
        endsAt: '2026-12-05T03:00:00.000Z',
        task: { __typename: 'Task' as const, id: 't1', title: 'Riverside clean-up', requiresCheckInCode: true, organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null } },
        viewerClaim,
      },
    },
  },
  maxUsageCount: 5,
});

describe('CheckInPage', () => {
  it('should check the volunteer in with the code from the QR code in one press, and then offer check-out', async () => {
    let sent: unknown;
    const checkIn = {
      request: { query: ScanCheckInMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { checkIn: claim('CHECKED_IN', { checkInAt: '2026-12-05T01:02:00.000Z' }) } },
    };
    renderWithApp(<CheckInPage shiftId="s1" code="123456" />, { token: 't', mocks: [shiftMock(claim('CONFIRMED')), checkIn] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Riverside clean-up' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check me in' }));
    expect(await screen.findByText('You are checked in (09:02). Thank you for coming!')).toBeInTheDocument();
    expect(sent).toEqual({ input: { claimId: 'c1', code: '123456' } });
    expect(screen.getByRole('button', { name: 'Check me out' })).toBeInTheDocument();
  });

  it("should show the API's reason when it refuses, such as a wrong code", async () => {
    const wrong = {
      request: { query: ScanCheckInMutation, variables: () => true },
      result: { errors: [{ message: 'The check-in code is not right', extensions: { code: 'BAD_USER_INPUT', field: 'code', key: 'checkIn.codeWrong' } }] },
    };
    renderWithApp(<CheckInPage shiftId="s1" code="000000" />, { token: 't', mocks: [shiftMock(claim('CONFIRMED')), wrong] });
    await userEvent.click(await screen.findByRole('button', { name: 'Check me in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right. Ask the organiser on site.');
  });

  it('should say so when the volunteer has no place on the shift', async () => {
    renderWithApp(<CheckInPage shiftId="s1" code="123456" />, { token: 't', mocks: [shiftMock(null)] });
    expect(await screen.findByText('You have no place on this shift. Claim one first, if places are left.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check me in' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the task' })).toHaveAttribute('href', '/tasks/t1');
  });

  it('should check out a volunteer who is checked in', async () => {
    const out = { request: { query: ScanCheckOutMutation, variables: { input: { claimId: 'c1' } } }, result: { data: { checkOut: claim('ATTENDED', { checkInAt: '2026-12-05T01:02:00.000Z', checkOutAt: '2026-12-05T03:00:00.000Z' }) } } };
    renderWithApp(<CheckInPage shiftId="s1" code={null} />, { token: 't', mocks: [shiftMock(claim('CHECKED_IN', { checkInAt: '2026-12-05T01:02:00.000Z' })), out] });
    await userEvent.click(await screen.findByRole('button', { name: 'Check me out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Check out now?' });
    expect(dialog).toHaveTextContent('Your minutes stop counting now, and you cannot check in again on this shift.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check me out' }));
    expect(await screen.findByText('You are checked out (11:00). Your minutes go to the organisation to verify.')).toBeInTheDocument();
  });
});
