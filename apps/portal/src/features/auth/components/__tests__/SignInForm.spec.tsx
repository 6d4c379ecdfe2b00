import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { SignInForm } from '../SignInForm';
import { SignInMutation } from '../../api/sign-in';
import { DEVICE_TOKEN_KEY, readSession } from '../../../../lib/auth';

const signInError = (phone: string, extensions: Record<string, unknown>) => ({
  request: { query: SignInMutation, variables: { input: { phone, password: 'wrong-password' } } },
  result: { errors: [new GraphQLError('failed', { extensions })] },
});

const signedIn = (phone: string, input: Record<string, unknown>, deviceToken: string | null) => ({
  request: { query: SignInMutation, variables: { input: { phone, password: 'right-password', ...input } } },
  result: {
    data: {
      login: {
        __typename: 'AuthPayload' as const,
        accessToken: 'access-1',
        accessTokenExpiresAt: '2026-03-01T08:15:00.000Z',
        refreshToken: 'refresh-1',
        deviceToken,
        user: { __typename: 'User' as const, id: 'u1', displayName: 'Wang Xiaoming', locale: 'en', elderMode: false },
      },
    },
  },
});

async function signInAs(phone: string, password: string) {
  await userEvent.type(screen.getByLabelText('Mobile number'), phone);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => window.localStorage.clear());

describe('SignInForm', () => {
  it('should send the device token stored on this device and keep the session', async () => {
    window.localStorage.setItem(DEVICE_TOKEN_KEY, 'device-old');
    renderWithApp(<SignInForm />, { route: '/signin', mocks: [signedIn('13800000001', { deviceToken: 'device-old' }, null)] });
    await signInAs('13800000001', 'right-password');
    await waitFor(() => expect(readSession()).toEqual({ accessToken: 'access-1', accessTokenExpiresAt: '2026-03-01T08:15:00.000Z', refreshToken: 'refresh-1', userId: 'u1' }));
    // No new device token came back: the old one stays.
    expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-old');
  });

  it('should sign in without a device token on a new device and store the one it is given', async () => {
    renderWithApp(<SignInForm />, { route: '/signin', mocks: [signedIn('13800000002', {}, 'device-new')] });
    await signInAs('13800000002', 'right-password');
    await waitFor(() => expect(window.localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-new'));
    expect(readSession()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('should ask for the phone and the password when submitted empty', async () => {
    renderWithApp(<SignInForm />, { route: '/signin' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your mobile number')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('should refuse a phone that is not 11 digits before sending', async () => {
    renderWithApp(<SignInForm />, { route: '/signin' });
    await userEvent.type(screen.getByLabelText('Mobile number'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('A mobile number has 11 digits and starts with 1')).toBeInTheDocument();
  });

  it('should show wrong credentials next to the password, translated', async () => {
    renderWithApp(<SignInForm />, { route: '/signin', mocks: [signInError('13800000001', { code: 'UNAUTHENTICATED', key: 'auth.badCredentials' })] });
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000001');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const message = await screen.findByText('Wrong mobile number or password.');
    const passwordItem = screen.getByLabelText('Password').closest('.ant-form-item');
    expect(passwordItem).toContainElement(message);
  });

  it('should show an API error naming the phone field next to the phone', async () => {
    renderWithApp(<SignInForm />, { route: '/signin', mocks: [signInError('13800000009', { code: 'BAD_USER_INPUT', key: 'phone.invalid', field: 'phone' })] });
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000009');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const message = await screen.findByText(/Enter a mainland China mobile number/);
    expect(screen.getByLabelText('Mobile number').closest('.ant-form-item')).toContainElement(message);
  });

  it('should say when sign-in is rate limited, with the minutes to wait', async () => {
    renderWithApp(<SignInForm />, {
      route: '/signin',
      mocks: [signInError('13800000001', { code: 'RATE_LIMITED', key: 'auth.tooManyAttempts', retryAfterSeconds: 600 })],
    });
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000001');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many failed sign-ins. Please try again in 10 minutes.'));
  });
});
