import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { SignOutButton } from '../SignOutButton';
import { LogoutMutation } from '../../../profile/api/logout';
import { DEVICE_TOKEN_KEY, SESSION_KEY } from '../../../../lib/auth';

describe('SignOutButton', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.localStorage.setItem(DEVICE_TOKEN_KEY, 'device-1');
  });

  it('should end the session on the API and forget it here, keeping the device token', async () => {
    const result = jest.fn(() => ({ data: { logout: true } }));
    renderWithApp(<SignOutButton />, { token: 't', route: '/my-shifts', mocks: [{ request: { query: LogoutMutation, variables: { input: { everywhere: false } } }, result }] });
    expect(window.localStorage.getItem(SESSION_KEY)).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.localStorage.getItem(SESSION_KEY)).toBeNull());
    expect(result).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
  });
});
