import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { MyCertificatesQuery } from '../../api/my-certificates';
import { RequestCertificateMutation } from '../../api/request-certificate';
import { ServedOrganizationsQuery } from '../../api/served-organizations';
import { MyCertificates } from '../MyCertificates';
import { cert, certConnection, org } from './fixtures';

const mine = (nodes: unknown[]) => ({ request: { query: MyCertificatesQuery, variables: { first: 20 } }, result: { data: { myCertificates: certConnection(nodes) } }, maxUsageCount: 3 });

const served = (verified = true) => ({
  request: { query: ServedOrganizationsQuery },
  result: {
    data: {
      myServiceRecords: { __typename: 'ServiceRecordConnection' as const, edges: [{ __typename: 'ServiceRecordEdge' as const, node: { __typename: 'ServiceRecord' as const, id: 'r1', status: verified ? 'VERIFIED' : 'PENDING', organization: org } }] },
      myReportedService: {
        __typename: 'ReportedServiceRecordConnection' as const,
        edges: [{ __typename: 'ReportedServiceRecordEdge' as const, node: { __typename: 'ReportedServiceRecord' as const, id: 'rr1', status: 'PENDING', organization: { __typename: 'Organization' as const, id: 'o2', name: 'Green Hands', nameEn: null } } }],
      },
    },
  },
});

async function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  await userEvent.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

async function chooseOrganization(name: string) {
  await userEvent.click(screen.getByLabelText('Organisation'));
  await userEvent.click(await screen.findByText(name, { selector: '.ant-select-item-option-content' }));
}

describe('MyCertificates', () => {
  it('should show each certificate with its status in words, minutes by kind, the serial, the PDF once issued and the reason when rejected', async () => {
    renderWithApp(<MyCertificates />, {
      token: 't',
      mocks: [
        mine([
          { ...cert({ id: 'c1', status: 'ISSUED', serial: 'CG2026-000123', issuedAt: '2026-11-01T02:00:00.000Z', publicityEndsAt: '2026-11-08T02:00:00.000Z' }), pdfUrl: '/api/certificates/c1.pdf?sig=abc' },
          { ...cert({ id: 'c2', status: 'PUBLICITY', serial: 'CG2026-000124', publicityEndsAt: '2026-12-05T02:00:00.000Z' }), pdfUrl: null },
          { ...cert({ id: 'c3', status: 'REJECTED', reason: 'The period has no service with us' }), pdfUrl: null },
        ]),
        served(),
      ],
    });
    const list = await screen.findByRole('region', { name: 'Certificates' });
    const rows = await within(list).findAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Issued');
    expect(rows[0]).toHaveTextContent('10 h (8 h checked in, 2 h reported)');
    expect(rows[0]).toHaveTextContent('Serial number CG2026-000123');
    expect(within(rows[0]).getByRole('link', { name: 'Download the certificate from Yilin Community Service Centre (PDF)' })).toHaveAttribute('href', '/api/certificates/c1.pdf?sig=abc');
    expect(rows[1]).toHaveTextContent('Approved and on public notice until 5 Dec 2026');
    expect(within(rows[1]).queryByRole('link')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('The organisation did not approve this request. Reason: The period has no service with us');
  });

  it('should offer only organisations that verified service, check the period, and send the request', async () => {
    let sent: unknown;
    const request = {
      request: { query: RequestCertificateMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { requestCertificate: { ...cert({ id: 'c9' }), pdfUrl: null } } },
    };
    renderWithApp(<MyCertificates />, { token: 't', mocks: [mine([]), served(), request, mine([])] });
    expect(await screen.findByText('You have no certificates yet.')).toBeInTheDocument();
    await screen.findByLabelText('Organisation');
    await userEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(await screen.findByText('Choose the organisation.')).toBeInTheDocument();
    expect(screen.getByText('Choose when the period starts.')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Organisation'));
    expect(screen.queryByText('Green Hands', { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByText('Yilin Community Service Centre', { selector: '.ant-select-item-option-content' }));
    await typeDate('From', '2026-06-30 00:00');
    await typeDate('To', '2026-01-01 00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(await screen.findByText('The end must come after the start.')).toBeInTheDocument();
    await typeDate('From', '2026-01-01 00:00');
    await typeDate('To', '2026-06-30 23:59');
    await userEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(await screen.findByText('Request sent to Yilin Community Service Centre.')).toBeInTheDocument();
    // Wall-clock times in Asia/Shanghai, sent as instants.
    expect(sent).toEqual({ input: { organizationId: 'o1', periodFrom: '2025-12-31T16:00:00.000Z', periodTo: '2026-06-30T15:59:00.000Z' } });
  });

  it("should put the API's refusal under the field it names", async () => {
    const request = {
      request: { query: RequestCertificateMutation, variables: () => true },
      result: { errors: [new GraphQLError('no minutes', { extensions: { code: 'BAD_USER_INPUT', field: 'periodFrom', key: 'certificate.noServiceInPeriod' } })] },
    };
    renderWithApp(<MyCertificates />, { token: 't', mocks: [mine([]), served(), request] });
    await screen.findByLabelText('Organisation');
    await chooseOrganization('Yilin Community Service Centre');
    await typeDate('From', '2026-01-01 00:00');
    await typeDate('To', '2026-02-01 00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true'));
    expect(await screen.findByText('Something in the form is not right; please check it.')).toBeInTheDocument();
  });

  it('should say there is nothing to certify before any organisation verified service', async () => {
    renderWithApp(<MyCertificates />, { token: 't', mocks: [mine([]), served(false)] });
    expect(await screen.findByText('No organisation has verified any of your service yet, so there is nothing to certify.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send the request' })).not.toBeInTheDocument();
  });
});
