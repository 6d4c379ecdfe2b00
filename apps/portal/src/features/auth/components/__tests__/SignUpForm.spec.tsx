import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { SignUpForm } from '../SignUpForm';
import { SignUpMutation } from '../../api/sign-up';
import { PrivacyNoticeQuery } from '../../api/privacy-notice';
import { RegionsQuery } from '../../../../lib/regions/regions.query';

const regions = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };
const notice = { request: { query: PrivacyNoticeQuery }, result: { data: { privacyNotice: { __typename: 'PrivacyNotice', version: '2026-12-01', publishedAt: '2026-12-01T00:00:00.000Z' } } }, maxUsageCount: 5 };
const consent = (contactBySms = false) => ({ privacyNoticeVersion: '2026-12-01', termsAccepted: true, contactBySms });
const signUp = (input: Record<string, unknown>, result: object) => ({
  request: { query: SignUpMutation, variables: { input: { homeRegionId: undefined, locale: 'en', consent: consent(), ...input } } },
  result,
});

async function fillDetails(name: string, phone: string, password = 'long-enough') {
  await userEvent.type(screen.getByLabelText('Your name'), name);
  await userEvent.type(screen.getByLabelText('Mobile number'), phone);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.type(screen.getByLabelText('Password again'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Next: privacy' }));
}

async function agree({ sms = false } = {}) {
  await userEvent.click(await screen.findByRole('checkbox', { name: 'I have read the privacy notice and agree to it' }));
  await userEvent.click(screen.getByRole('checkbox', { name: 'I accept the terms of use' }));
  if (sms) await userEvent.click(screen.getByRole('checkbox', { name: 'Send me SMS about volunteering near me (optional)' }));
  await userEvent.click(screen.getByRole('button', { name: 'Sign up and sign in' }));
}

describe('SignUpForm', () => {
  it('should check the password length and that both passwords match before the privacy step', async () => {
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice] });
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.type(screen.getByLabelText('Password again'), 'different');
    await userEvent.click(screen.getByRole('button', { name: 'Next: privacy' }));
    expect(await screen.findByText('The password needs at least 8 characters')).toBeInTheDocument();
    expect(await screen.findByText('The two passwords are not the same')).toBeInTheDocument();
    expect(await screen.findByText('Enter your name')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your privacy' })).not.toBeInTheDocument();
  });

  it('should show the privacy notice and refuse to sign up until both agreements are ticked', async () => {
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice] });
    await fillDetails('Li Lei', '13800000003');
    expect(await screen.findByRole('heading', { name: 'Your privacy' })).toHaveFocus();
    expect(screen.getByText('Step 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('document', { name: 'Privacy notice' })).toHaveTextContent('Your mobile number is shown masked');
    expect(await screen.findByText('Privacy notice, version 2026-12-01')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign up and sign in' }));
    expect(await screen.findByText('Please read and accept the privacy notice to sign up')).toBeInTheDocument();
    expect(screen.getByText('Please accept the terms of use to sign up')).toBeInTheDocument();
  });

  it('should send the notice version, the agreements and the optional SMS choice with the sign-up', async () => {
    const ok = signUp(
      { displayName: 'Han Mei', phone: '13800000004', password: 'long-enough', consent: consent(true) },
      { data: { register: { __typename: 'AuthPayload', accessToken: 'a', accessTokenExpiresAt: '2026-12-01T10:00:00.000Z', refreshToken: 'r', deviceToken: 'd', user: { __typename: 'User', id: 'u9', displayName: 'Han Mei', locale: 'en', elderMode: false } } } },
    );
    const spy = jest.fn(() => ok.result);
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice, { ...ok, result: spy }] });
    await fillDetails('Han Mei', '13800000004');
    await agree({ sms: true });
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
  });

  it('should go back to the details and show a taken phone number next to the phone field', async () => {
    const taken = signUp({ displayName: 'Li Lei', phone: '13800000001', password: 'long-enough' }, { errors: [new GraphQLError('taken', { extensions: { code: 'CONFLICT', key: 'phone.taken', field: 'phone' } })] });
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice, taken] });
    await fillDetails('Li Lei', '13800000001');
    await agree();
    const message = await screen.findByText('This number is already signed up. Try signing in.');
    expect(screen.getByLabelText('Mobile number').closest('.ant-form-item')).toContainElement(message);
    expect(screen.getByLabelText('Mobile number')).toBeVisible();
  });

  it('should show a refused name next to the name field, translated', async () => {
    const reserved = signUp({ displayName: '管理员', phone: '13800000002', password: 'long-enough' }, { errors: [new GraphQLError('reserved', { extensions: { code: 'BAD_USER_INPUT', key: 'name.reserved', field: 'displayName' } })] });
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice, reserved] });
    await fillDetails('管理员', '13800000002');
    await agree();
    const message = await screen.findByText(/This name cannot be used/);
    expect(screen.getByLabelText('Your name').closest('.ant-form-item')).toContainElement(message);
  });

  it('should say so when the privacy notice changed meanwhile', async () => {
    const stale = signUp(
      { displayName: 'Li Lei', phone: '13800000005', password: 'long-enough' },
      { errors: [new GraphQLError('stale', { extensions: { code: 'BAD_USER_INPUT', key: 'consent.staleNotice', field: 'consent.privacyNoticeVersion' } })] },
    );
    renderWithApp(<SignUpForm />, { route: '/signup', mocks: [regions, notice, stale] });
    await fillDetails('Li Lei', '13800000005');
    await agree();
    expect(await screen.findByRole('alert')).toHaveTextContent('The privacy notice has just changed. Please reload the page and read it again.');
  });
});
