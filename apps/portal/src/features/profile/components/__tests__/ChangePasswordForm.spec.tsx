import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { ChangePasswordForm } from '../ChangePasswordForm';
import { ChangePasswordMutation } from '../../api/change-password';

const change = (currentPassword: string, newPassword: string, result: object) => ({
  request: { query: ChangePasswordMutation, variables: { input: { currentPassword, newPassword } } },
  result,
});

async function fill(current: string, next: string, again = next) {
  for (const [label, text] of [['Current password', current], ['New password', next], ['New password again', again]]) {
    if (text) await userEvent.type(screen.getByLabelText(label), text);
  }
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item');

describe('ChangePasswordForm', () => {
  it('should show a wrong current password next to the current password', async () => {
    const wrong = change('not-my-password', 'new-password-1', {
      errors: [new GraphQLError('The current password is not right', { extensions: { code: 'BAD_USER_INPUT', key: 'password.wrong', field: 'currentPassword' } })],
    });
    renderWithApp(<ChangePasswordForm phone="13800000001" />, { token: 't', mocks: [wrong] });
    await fill('not-my-password', 'new-password-1');
    const message = await screen.findByText('The current password is not right.');
    expect(itemOf('Current password')).toContainElement(message);
    expect(itemOf('New password')).not.toContainElement(message);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('should show an unchanged password next to the new password', async () => {
    const same = change('my-password-1', 'my-password-1', {
      errors: [new GraphQLError('Choose a different one', { extensions: { code: 'BAD_USER_INPUT', key: 'password.unchanged', field: 'newPassword' } })],
    });
    renderWithApp(<ChangePasswordForm />, { token: 't', mocks: [same] });
    await fill('my-password-1', 'my-password-1');
    const message = await screen.findByText('The new password must be different from the current one.');
    expect(itemOf('New password')).toContainElement(message);
  });

  it('should check the new password before sending: length and the repeat', async () => {
    renderWithApp(<ChangePasswordForm />, { token: 't' });
    await fill('', 'short', 'other');
    expect(await screen.findByText('Enter your current password')).toBeInTheDocument();
    expect(screen.getByText('The password needs at least 8 characters')).toBeInTheDocument();
    expect(screen.getByText('The two passwords are not the same')).toBeInTheDocument();
  });

  it('should say how many other devices were signed out, and empty the form', async () => {
    renderWithApp(<ChangePasswordForm />, { token: 't', mocks: [change('my-password-1', 'new-password-1', { data: { changePassword: 2 } })] });
    await fill('my-password-1', 'new-password-1');
    expect(await screen.findByText('Password changed. 2 other devices were signed out.')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('should say so when no other device was signed in', async () => {
    renderWithApp(<ChangePasswordForm />, { token: 't', mocks: [change('my-password-1', 'new-password-1', { data: { changePassword: 0 } })] });
    await fill('my-password-1', 'new-password-1');
    expect(await screen.findByText('Password changed. No other device was signed in.')).toBeInTheDocument();
  });

  it('should say when there were too many tries, with the minutes to wait', async () => {
    const limited = change('my-password-1', 'new-password-1', {
      errors: [new GraphQLError('Too many', { extensions: { code: 'RATE_LIMITED', key: 'auth.tooManyAttempts', retryAfterSeconds: 300 } })],
    });
    renderWithApp(<ChangePasswordForm />, { token: 't', mocks: [limited] });
    await fill('my-password-1', 'new-password-1');
    expect(await screen.findByRole('alert')).toHaveTextContent('Please try again in 5 minutes.');
  });
});
