import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { SignUpForm } from '../SignUpForm';
import { SignUpMutation } from '../../api/sign-up';
import { RegionsQuery } from '../../../../lib/regions/regions.query';

const regions = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };

describe('SignUpForm', () => {
  it('should check the password length and that both passwords match', async () => {
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions] });
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.type(screen.getByLabelText('Password again'), 'different');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up and sign in' }));
    expect(await screen.findByText('The password needs at least 8 characters')).toBeInTheDocument();
    expect(await screen.findByText('The two passwords are not the same')).toBeInTheDocument();
    expect(await screen.findByText('Enter your name')).toBeInTheDocument();
  });

  it('should show a taken phone number next to the phone field', async () => {
    const mock = {
      request: { query: SignUpMutation, variables: { input: { displayName: 'Li Lei', phone: '13800000001', password: 'long-enough', homeRegionId: undefined, locale: 'en' } } },
      result: { errors: [new GraphQLError('taken', { extensions: { code: 'CONFLICT', key: 'phone.taken', field: 'phone' } })] },
    };
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, mock] });
    await userEvent.type(screen.getByLabelText('Your name'), 'Li Lei');
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000001');
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough');
    await userEvent.type(screen.getByLabelText('Password again'), 'long-enough');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up and sign in' }));
    const message = await screen.findByText('This number is already signed up. Try signing in.');
    expect(screen.getByLabelText('Mobile number').closest('.ant-form-item')).toContainElement(message);
  });

  it('should show a refused name next to the name field, translated', async () => {
    const mock = {
      request: { query: SignUpMutation, variables: { input: { displayName: '管理员', phone: '13800000002', password: 'long-enough', homeRegionId: undefined, locale: 'en' } } },
      result: { errors: [new GraphQLError('reserved', { extensions: { code: 'BAD_USER_INPUT', key: 'name.reserved', field: 'displayName' } })] },
    };
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, mock] });
    await userEvent.type(screen.getByLabelText('Your name'), '管理员');
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000002');
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough');
    await userEvent.type(screen.getByLabelText('Password again'), 'long-enough');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up and sign in' }));
    const message = await screen.findByText(/This name cannot be used/);
    expect(screen.getByLabelText('Your name').closest('.ant-form-item')).toContainElement(message);
  });
});
