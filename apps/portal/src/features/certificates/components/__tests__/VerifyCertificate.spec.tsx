import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../../../test/render';
import VerifyRoute from '../../../../app/routes/verify';
import { VerifyCertificateQuery } from '../../api/verify-certificate';

const verification = (over: Record<string, unknown> = {}) => ({
  __typename: 'CertificateVerification' as const,
  serial: 'CG2026-000123',
  valid: true,
  status: 'ISSUED',
  holderName: '王*明',
  organizationName: '益邻社区服务中心',
  minutes: 600,
  issuedAt: '2026-11-01T02:00:00.000Z',
  ...over,
});

const answer = (serial: string, result: unknown) => ({ request: { query: VerifyCertificateQuery, variables: { serial } }, result });

const render = (route: string, mocks: unknown[]) =>
  renderWithApp(
    <Routes>
      <Route path="/verify" element={<VerifyRoute />} />
      <Route path="/verify/:serial" element={<VerifyRoute />} />
    </Routes>,
    { route, mocks: mocks as [] },
  );

describe('VerifyCertificate', () => {
  it('should say a certificate is valid in big words, with its details, without signing in', async () => {
    render('/verify/CG2026-000123', [answer('CG2026-000123', { data: { verifyCertificate: verification() } })]);
    expect(await screen.findByText('Valid certificate')).toHaveClass('verify-verdict');
    expect(screen.getByText('It was issued by the organisation and is in force.')).toBeInTheDocument();
    expect(screen.getByText('王*明')).toBeInTheDocument();
    expect(screen.getByText('益邻社区服务中心')).toBeInTheDocument();
    expect(screen.getByText('10 h')).toBeInTheDocument();
    expect(screen.getByText('1 Nov 2026')).toBeInTheDocument();
  });

  it('should say a revoked certificate is not valid', async () => {
    render('/verify/CG2026-000124', [answer('CG2026-000124', { data: { verifyCertificate: verification({ serial: 'CG2026-000124', valid: false, status: 'REVOKED' }) } })]);
    expect(await screen.findByText('Not valid')).toBeInTheDocument();
    expect(screen.getByText('The organisation revoked this certificate.')).toBeInTheDocument();
  });

  it('should say there is no such certificate for an unknown serial', async () => {
    render('/verify/NOPE', [answer('NOPE', { data: { verifyCertificate: null } })]);
    expect(await screen.findByText('There is no certificate with the serial number NOPE.')).toBeInTheDocument();
  });

  it('should say plainly when checks are rate-limited', async () => {
    render('/verify/CG1', [answer('CG1', { errors: [new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 120 } })] })]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many checks from here. Please wait 2 minutes and try again.');
  });

  it('should check a typed serial from /verify', async () => {
    render('/verify', [answer('CG2026-000123', { data: { verifyCertificate: verification() } })]);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Enter the serial number.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Serial number'), ' CG2026-000123 {Enter}');
    expect(await screen.findByText('Valid certificate')).toBeInTheDocument();
  });
});
