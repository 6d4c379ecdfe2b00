import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { AccountSection } from '../AccountSection';
import { LogoutMutation } from '../../api/logout';
import { DEVICE_TOKEN_KEY, SESSION_KEY } from '../../../../lib/auth';

const logout = (everywhere: boolean, result: object) => ({ request: { query: LogoutMutation, variables: { input: { everywhere } } }, result });
const ui = (
  <App component={false}>
    <AccountSection />
  </App>
);

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(DEVICE_TOKEN_KEY, 'device-1');
});

describe('AccountSection', () => {
  it('should tell the API, then forget the session here and keep the device token', async () => {
    const mock = logout(false, { data: { logout: true } });
    const spy = jest.fn(() => mock.result);
    renderWithApp(ui, { token: 't', mocks: [{ ...mock, result: spy }] });
    expect(window.localStorage.getItem(SESSION_KEY)).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.localStorage.getItem(SESSION_KEY)).toBeNull());
    expect(spy).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
  });

  it('should sign out here even when the API cannot be told', async () => {
    renderWithApp(ui, { token: 't', mocks: [logout(false, { errors: [new GraphQLError('down', { extensions: { code: 'INTERNAL' } })] })] });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.localStorage.getItem(SESSION_KEY)).toBeNull());
  });

  it('should sign out on all devices after asking, then here', async () => {
    renderWithApp(ui, { token: 't', mocks: [logout(true, { data: { logout: true } })] });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out on all devices' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Sign out on all devices?');
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign out on all devices' }).at(-1)!);
    await waitFor(() => expect(window.localStorage.getItem(SESSION_KEY)).toBeNull());
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-1');
  });

  it('should stay signed in and say why when signing out everywhere fails', async () => {
    renderWithApp(ui, { token: 't', mocks: [logout(true, { errors: [new GraphQLError('down', { extensions: { code: 'INTERNAL' } })] })] });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out on all devices' }));
    await screen.findByRole('dialog');
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign out on all devices' }).at(-1)!);
    expect(await screen.findByText('Something went wrong on our side. Please try again later.')).toBeInTheDocument();
    expect(window.localStorage.getItem(SESSION_KEY)).not.toBeNull();
  });
});
