import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { KioskCheckInMutation, KioskExpectedQuery, KioskLogoutMutation, KioskShiftQuery } from '../../api/kiosk';
import { KIOSK_LOCK_KEY } from '../../lock';
import { KioskPage } from '../KioskPage';

const shiftMock = (checkInCode: string | null) => ({
  request: { query: KioskShiftQuery, variables: { id: 's1' } },
  result: {
    data: {
      shift: {
        __typename: 'Shift' as const,
        id: 's1',
        startsAt: '2026-12-05T01:00:00.000Z',
        endsAt: '2026-12-05T03:00:00.000Z',
        checkInCode,
        task: { __typename: 'Task' as const, id: 't1', title: 'Riverside clean-up', organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null } },
      },
    },
  },
});
const entry = (status: string, over: Record<string, unknown> = {}) => ({ __typename: 'KioskEntry' as const, claimId: 'c1', name: '王*明', phone: '*******5678', status, checkInAt: null, checkOutAt: null, ...over });

describe('KioskPage', () => {
  afterEach(() => window.localStorage.removeItem(KIOSK_LOCK_KEY));

  it('should find the volunteer by the last 4 digits, check them in at a press and lock the tablet to the kiosk', async () => {
    const expected = { request: { query: KioskExpectedQuery, variables: { shiftId: 's1', phoneLast4: '5678' } }, result: { data: { kioskExpected: [entry('CONFIRMED')] } } };
    const checkIn = {
      request: { query: KioskCheckInMutation, variables: { input: { shiftId: 's1', claimId: 'c1', phoneLast4: '5678' } } },
      result: { data: { kioskCheckIn: entry('CHECKED_IN', { checkInAt: '2026-12-05T01:05:00.000Z' }) } },
    };
    renderWithApp(<KioskPage shiftId="s1" />, { token: 't', mocks: [shiftMock('123456'), expected, checkIn] });
    const digits = await screen.findByLabelText('Last 4 digits of your phone');
    await waitFor(() => expect(window.localStorage.getItem(KIOSK_LOCK_KEY)).toBe('s1'));
    await userEvent.type(digits, '56x78{Enter}');
    expect(await screen.findByText('*******5678')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check in 王*明' }));
    expect(await screen.findByRole('heading', { level: 2, name: '王*明 is checked in (09:05). Welcome!' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next person' }));
    expect(screen.getByLabelText('Last 4 digits of your phone')).toHaveValue('');
  });

  it('should ask for 4 digits, and say when nobody matches', async () => {
    const none = { request: { query: KioskExpectedQuery, variables: { shiftId: 's1', phoneLast4: '0000' } }, result: { data: { kioskExpected: [] } } };
    renderWithApp(<KioskPage shiftId="s1" />, { token: 't', mocks: [shiftMock('123456'), none] });
    await userEvent.type(await screen.findByLabelText('Last 4 digits of your phone'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Find me' }));
    expect(await screen.findByText('Type 4 digits')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Last 4 digits of your phone'));
    await userEvent.type(screen.getByLabelText('Last 4 digits of your phone'), '0000');
    await userEvent.click(screen.getByRole('button', { name: 'Find me' }));
    expect(await screen.findByText('Nobody expected on this shift has a phone ending like this. Ask the coordinator.')).toBeInTheDocument();
  });

  it('should not open for someone who is not a coordinator of the shift', async () => {
    renderWithApp(<KioskPage shiftId="s1" />, { token: 't', mocks: [shiftMock(null)] });
    expect(await screen.findByText("Only a coordinator of this shift's organisation can open its kiosk.")).toBeInTheDocument();
    expect(window.localStorage.getItem(KIOSK_LOCK_KEY)).toBeNull();
  });

  it('should sign the tablet out and lift the lock when the coordinator leaves', async () => {
    const logout = { request: { query: KioskLogoutMutation }, result: { data: { logout: true } } };
    renderWithApp(<KioskPage shiftId="s1" />, { token: 't', mocks: [shiftMock('123456'), logout] });
    await userEvent.click(await screen.findByRole('button', { name: 'Leave kiosk mode' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out and leave' }));
    await waitFor(() => expect(window.localStorage.getItem(KIOSK_LOCK_KEY)).toBeNull());
  });
});
