import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CheckOutMutation } from '../../api/check-out';
import { renderWithApp } from '../../../../../test/render';
import { AttendanceActions, type AttendanceClaim } from '../AttendanceActions';

const START = Date.parse('2026-11-25T02:00:00Z');
const claim = (over: Partial<AttendanceClaim> = {}, code = false): AttendanceClaim => ({
  id: 'c1',
  status: 'CONFIRMED',
  checkInAt: null,
  shift: { startsAt: new Date(START).toISOString(), endsAt: new Date(START + 2 * 3600_000).toISOString(), task: { requiresCheckInCode: code } },
  ...over,
});

describe('AttendanceActions', () => {
  it('should say when check-in opens, 30 minutes before the start', () => {
    renderWithApp(<AttendanceActions claim={claim()} now={START - 31 * 60_000} />, { token: 't' });
    expect(screen.getByRole('note')).toHaveTextContent('Check-in opens at');
    expect(screen.getByRole('note')).toHaveTextContent('30 minutes before the start');
    expect(screen.queryByRole('button', { name: 'Check in' })).not.toBeInTheDocument();
  });

  it('should offer check-in once the window is open', () => {
    renderWithApp(<AttendanceActions claim={claim()} now={START - 29 * 60_000} />, { token: 't' });
    expect(screen.getByRole('button', { name: 'Check in' })).toBeInTheDocument();
  });

  it('should ask for the 6-digit code when the task needs one', async () => {
    renderWithApp(<AttendanceActions claim={claim({}, true)} now={START} />, { token: 't' });
    await userEvent.type(screen.getByLabelText('Check-in code'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('The code has 6 digits')).toBeInTheDocument();
  });

  it('should say check-in has closed after the end', () => {
    renderWithApp(<AttendanceActions claim={claim()} now={START + 3 * 3600_000} />, { token: 't' });
    expect(screen.getByRole('note')).toHaveTextContent('Check-in has closed');
  });

  it('should offer check-out once checked in', () => {
    renderWithApp(<AttendanceActions claim={claim({ status: 'CHECKED_IN', checkInAt: new Date(START).toISOString() })} now={START + 60_000} />, { token: 't' });
    expect(screen.getByRole('button', { name: 'Check out' })).toBeInTheDocument();
  });

  it('should ask before checking out, and say why the API refuses a check-out before the start', async () => {
    const refused = {
      request: { query: CheckOutMutation, variables: { input: { claimId: 'c1' } } },
      result: { errors: [new GraphQLError('The shift starts later', { extensions: { code: 'CONFLICT', key: 'checkOut.beforeStart' } })] },
    };
    renderWithApp(<AttendanceActions claim={claim({ status: 'CHECKED_IN', checkInAt: new Date(START - 5 * 60_000).toISOString() })} now={START - 60_000} />, { token: 't', mocks: [refused] });
    await userEvent.click(screen.getByRole('button', { name: 'Check out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Check out now?' });
    expect(dialog).toHaveTextContent('This cannot be undone');
    expect(dialog).toHaveTextContent('Your minutes stop counting now, and you cannot check in again on this shift.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check me out' }));
    expect(await screen.findByText('The shift has not started yet: check out once it has, or ask the organiser to record your hours.')).toBeInTheDocument();
  });
});
