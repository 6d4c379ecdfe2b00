import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { ForgotPasswordForm } from '../ForgotPasswordForm';
import { RequestPasswordResetMutation, ResetPasswordMutation } from '../../api/password-reset';

const ask = (phone: string, result: object = { data: { requestPasswordReset: true } }) => ({ request: { query: RequestPasswordResetMutation, variables: { input: { phone } } }, result });
const reset = (code: string, newPassword: string, result: object) => ({ request: { query: ResetPasswordMutation, variables: { input: { phone: '13800000001', code, newPassword } } }, result });

async function askFor(phone: string) {
  await userEvent.type(screen.getByLabelText('Mobile number'), phone);
  await userEvent.click(screen.getByRole('button', { name: 'Send the code' }));
}

async function fillReset(code: string, password: string) {
  await userEvent.type(await screen.findByLabelText('Code from the SMS'), code);
  await userEvent.type(screen.getByLabelText('New password'), password);
  await userEvent.type(screen.getByLabelText('New password again'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
}

describe('ForgotPasswordForm', () => {
  it('should send a code, then set the new password with it and send the person to sign in', async () => {
    renderWithApp(<ForgotPasswordForm />, { route: '/forgot-password', mocks: [ask('13800000001'), reset('123456', 'new-password-1', { data: { resetPassword: true } })] });
    await askFor('13800000001');
    expect(await screen.findByText('If this number has an account, a 6-digit code is on its way by SMS. It works for 10 minutes.')).toBeInTheDocument();
    await fillReset('123456', 'new-password-1');
    expect(await screen.findByText('Your password is changed. Every device was signed out; sign in with the new password.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
  });

  it('should show a wrong or expired code next to the code field', async () => {
    const wrong = reset('654321', 'new-password-1', { errors: [new GraphQLError('wrong', { extensions: { code: 'BAD_USER_INPUT', key: 'passwordReset.invalidCode', field: 'code' } })] });
    renderWithApp(<ForgotPasswordForm />, { route: '/forgot-password', mocks: [ask('13800000001'), wrong] });
    await askFor('13800000001');
    await fillReset('654321', 'new-password-1');
    const message = await screen.findByText('The code is wrong, already used or expired. Ask for a new one.');
    expect(screen.getByLabelText('Code from the SMS').closest('.ant-form-item')).toContainElement(message);
  });

  it('should say when too many codes were asked for', async () => {
    const limited = ask('13800000002', { errors: [new GraphQLError('limited', { extensions: { code: 'RATE_LIMITED', key: 'passwordReset.tooMany', retryAfterSeconds: 1200 } })] });
    renderWithApp(<ForgotPasswordForm />, { route: '/forgot-password', mocks: [limited] });
    await askFor('13800000002');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many codes asked for. Please try again in 20 minutes.');
  });

  it('should check the phone, the code and the new password before sending', async () => {
    renderWithApp(<ForgotPasswordForm />, { route: '/forgot-password', mocks: [ask('13800000001')] });
    await askFor('12345');
    expect(await screen.findByText('A mobile number has 11 digits and starts with 1')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Mobile number'));
    await askFor('13800000001');
    await userEvent.type(await screen.findByLabelText('Code from the SMS'), '12');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText('The code has 6 digits')).toBeInTheDocument();
    expect(screen.getByText('The password needs at least 8 characters')).toBeInTheDocument();
  });
});
