import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { DecideCertificateMutation } from '../../api/decide-certificate';
import { OrganizationCertificatesQuery } from '../../api/organization-certificates';
import { RevokeCertificateMutation } from '../../api/revoke-certificate';
import { SetOrganizationSealMutation } from '../../api/set-organization-seal';
import { OrganizationCertificates } from '../OrganizationCertificates';
import { cert, certConnection, org } from './fixtures';

const holder = { __typename: 'User' as const, id: 'u7', displayName: 'Wang Xiaoming' };
const row = (over: Record<string, unknown> = {}) => ({ ...cert(over), holder });

const queue = (status: string | undefined, nodes: unknown[], hasSeal = false, maxUsageCount = 5) => ({
  request: { query: OrganizationCertificatesQuery, variables: (v: { organizationId: string; status?: string | null; after?: string | null }) => v.organizationId === 'o1' && (v.status ?? undefined) === status && !v.after },
  result: { data: { organization: { ...org, hasSeal }, organizationCertificates: certConnection(nodes) } },
  maxUsageCount,
});

const admin = { memberships: [{ __typename: 'Membership' as const, id: 'm1', role: 'ADMIN', organization: org }] } as never;

/**
 * The open dialog with this title. (Under test, antd gives its Select and its Modal the same
 * generated id, so the dialog's accessible name cannot be trusted while a Select is on the page.)
 */
async function dialogTitled(title: string) {
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText(title)).toBeInTheDocument();
  return dialog;
}

const render = (mocks: unknown[], me: never = admin) => renderWithApp(<OrganizationCertificates organizationId="o1" />, { token: 't', me, mocks: mocks as [] });

describe('OrganizationCertificates', () => {
  it("should tell a member who is not an admin that only admins handle certificates, and ask nothing of the API", async () => {
    render([], { memberships: [{ __typename: 'Membership', id: 'm1', role: 'COORDINATOR', organization: org }] } as never);
    expect(await screen.findByText("Only the organisation's administrators handle its certificates.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
  });

  it('should list the requests, approve one after confirming, and refetch the queue', async () => {
    let sent: unknown;
    const decide = {
      request: { query: DecideCertificateMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { decideCertificate: cert({ status: 'PUBLICITY', serial: 'CG2026-000200', publicityEndsAt: '2026-12-08T02:00:00.000Z' }) } },
    };
    render([queue('REQUESTED', [row()], false, 1), decide, queue('REQUESTED', [])]);
    expect(await screen.findByRole('heading', { name: 'Certificates of Yilin Community Service Centre' })).toBeInTheDocument();
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('Wang Xiaoming');
    expect(item).toHaveTextContent('10 h (8 h checked in, 2 h reported)');
    expect(within(item).getByRole('button', { name: 'Reject the request of Wang Xiaoming' })).toBeDisabled();
    await userEvent.click(within(item).getByRole('button', { name: 'Approve the certificate for Wang Xiaoming' }));
    await userEvent.click(within(await dialogTitled('Approve a certificate of 10 h for Wang Xiaoming?')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(sent).toEqual({ input: { certificateId: 'c1', approve: true } }));
    expect(await screen.findByText('Nothing here.')).toBeInTheDocument();
  });

  it('should reject with the reason written, and show a refusal on the row', async () => {
    const decide = {
      request: { query: DecideCertificateMutation, variables: { input: { certificateId: 'c1', approve: false, reason: 'No service in that period' } } },
      result: { errors: [new GraphQLError('decided', { extensions: { code: 'CONFLICT' } })] },
    };
    render([queue('REQUESTED', [row()]), decide]);
    const item = await screen.findByRole('listitem');
    await userEvent.type(within(item).getByLabelText('Reason for Wang Xiaoming'), 'No service in that period');
    await userEvent.click(within(item).getByRole('button', { name: 'Reject the request of Wang Xiaoming' }));
    await userEvent.click(within(await dialogTitled('Reject the request of Wang Xiaoming?')).getByRole('button', { name: 'Reject' }));
    expect(await within(item).findByText('That did not work because something changed. Please refresh and try again.')).toBeInTheDocument();
  });

  it('should filter by status and revoke an issued certificate with a reason', async () => {
    let sent: unknown;
    const issued = row({ id: 'c2', status: 'ISSUED', serial: 'CG2026-000100', issuedAt: '2026-11-01T02:00:00.000Z' });
    const revoke = {
      request: { query: RevokeCertificateMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { revokeCertificate: cert({ id: 'c2', status: 'REVOKED', serial: 'CG2026-000100', reason: 'Hours were wrong' }) } },
    };
    render([queue('REQUESTED', []), queue('ISSUED', [issued]), revoke]);
    await screen.findByText('Nothing here.');
    await userEvent.click(screen.getByLabelText('Show'));
    await userEvent.click(await screen.findByText('Issued', { selector: '.ant-select-item-option-content' }));
    const item = await screen.findByRole('listitem');
    expect(within(item).queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
    await userEvent.type(within(item).getByLabelText('Reason for Wang Xiaoming'), 'Hours were wrong');
    await userEvent.click(within(item).getByRole('button', { name: 'Revoke the certificate of Wang Xiaoming' }));
    const dialog = await dialogTitled('Revoke certificate CG2026-000100 of Wang Xiaoming?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(sent).toEqual({ id: 'c2', reason: 'Hours were wrong' }));
  });

  it('should preview a PNG seal and upload it as a data URL', async () => {
    let sent: { imageDataUrl?: string } | undefined;
    const seal = {
      request: { query: SetOrganizationSealMutation, variables: (v: { imageDataUrl?: string }) => ((sent = v), true) },
      result: { data: { setOrganizationSeal: { __typename: 'Organization', id: 'o1', hasSeal: true } } },
    };
    render([queue('REQUESTED', []), seal]);
    const panel = await screen.findByRole('region', { name: 'Seal' });
    expect(within(panel).getByText('No seal uploaded.')).toBeInTheDocument();
    await userEvent.upload(within(panel).getByLabelText('Seal image (PNG or JPEG)'), new File([new Uint8Array([137, 80, 78, 71])], 'seal.png', { type: 'image/png' }));
    expect(await within(panel).findByRole('img', { name: 'Preview of the seal' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/));
    await userEvent.click(within(panel).getByRole('button', { name: 'Use this seal' }));
    expect(await within(panel).findByText('Seal saved.')).toBeInTheDocument();
    expect(sent?.imageDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(within(panel).getByText('Your seal is printed on the certificates.')).toBeInTheDocument();
  });

  it('should refuse a seal over 300 kB or of another type before sending anything', async () => {
    render([queue('REQUESTED', [])]);
    const panel = await screen.findByRole('region', { name: 'Seal' });
    const input = within(panel).getByLabelText('Seal image (PNG or JPEG)');
    await userEvent.upload(input, new File([new Uint8Array(300 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }));
    expect(await within(panel).findByText('This image is 301 kB; the seal may be at most 300 kB.')).toBeInTheDocument();
    fireEvent.change(input, { target: { files: [new File(['GIF89a'], 'seal.gif', { type: 'image/gif' })] } });
    expect(await within(panel).findByText('Choose a PNG or JPEG image.')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Use this seal' })).not.toBeInTheDocument();
  });

  it('should remove the seal after confirming', async () => {
    let sent: unknown;
    const seal = {
      request: { query: SetOrganizationSealMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { setOrganizationSeal: { __typename: 'Organization', id: 'o1', hasSeal: false } } },
    };
    render([queue('REQUESTED', [], true), seal]);
    const panel = await screen.findByRole('region', { name: 'Seal' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Remove the seal' }));
    await userEvent.click(within(await dialogTitled('Remove the seal?')).getByRole('button', { name: 'Remove the seal' }));
    expect(await within(panel).findByText('Seal removed.')).toBeInTheDocument();
    expect(sent).toEqual({ organizationId: 'o1', imageDataUrl: null });
  });
});
