import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { UnverifiedOrganizationsQuery } from '../../api/unverified-organizations';
import { VerifyOrganizationMutation } from '../../api/verify-organization';
import { DeskOrganizationDetailsQuery, RejectOrganizationMutation, RequestOrganizationInfoMutation } from '../../api/organization-review';
import { VerifyList } from '../VerifyList';

const desk = (status: string, review: Record<string, unknown> | null = null) => ({
  __typename: 'Organization' as const,
  id: 'o1',
  verified: status === 'VERIFIED',
  verifiedAt: status === 'VERIFIED' ? '2026-12-01T02:00:00.000Z' : null,
  verificationStatus: status,
  review: review ? { __typename: 'OrganizationReview' as const, status, note: null, reviewedAt: '2026-12-01T02:00:00.000Z', answer: null, ...review } : null,
});

const list = {
  request: { query: UnverifiedOrganizationsQuery, variables: { regionId: 'street' } },
  result: {
    data: {
      organizations: {
        __typename: 'OrganizationConnection' as const,
        totalCount: 1,
        edges: [
          {
            __typename: 'OrganizationEdge' as const,
            cursor: '0',
            node: {
              ...desk('PENDING'),
              name: 'Green Hands',
              nameEn: null,
              kind: 'NGO',
              createdAt: '2026-11-28T02:00:00.000Z',
              description: 'Tree planting',
              region: { __typename: 'Region' as const, id: 'g1', name: '玉林北路社区第1网格', nameEn: 'Yulin North Grid 1' },
            },
          },
        ],
      },
    },
  },
};

const details = {
  request: { query: DeskOrganizationDetailsQuery, variables: { id: 'o1' } },
  result: {
    data: {
      organization: {
        ...desk('PENDING'),
        name: 'Green Hands',
        kind: 'NGO',
        description: 'Tree planting along the river',
        registrationNumber: '91350100M000100Y43',
        createdAt: '2026-11-28T02:00:00.000Z',
        ownerContact: { __typename: 'OrganizationContact' as const, userId: 'u9', displayName: 'Zhou Ye', phone: '13900000009' },
        members: {
          __typename: 'MembershipConnection' as const,
          totalCount: 2,
          edges: [
            { __typename: 'MembershipEdge' as const, cursor: '0', node: { __typename: 'Membership' as const, id: 'm1', role: 'OWNER', user: { __typename: 'User' as const, id: 'u9', displayName: 'Zhou Ye' } } },
            { __typename: 'MembershipEdge' as const, cursor: '1', node: { __typename: 'Membership' as const, id: 'm2', role: 'MEMBER', user: { __typename: 'User' as const, id: 'u8', displayName: 'Li Na' } } },
          ],
        },
      },
    },
  },
};

const render = (mocks: unknown[]) =>
  renderWithApp(
    <VerifyList regionId="street" />,
    { token: 't', mocks: [list, ...(mocks as [])] },
  );

describe('VerifyList', () => {
  it('should ask before verifying, then keep the row showing it verified with a success note', async () => {
    const verified = jest.fn(() => ({ data: { verifyOrganization: desk('VERIFIED', {}) } }));
    render([{ request: { query: VerifyOrganizationMutation, variables: { id: 'o1' } }, result: verified }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Verify Green Hands' }));
    const confirm = await screen.findByRole('dialog', { name: 'Verify Green Hands?' });
    expect(verified).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Green Hands is verified. Its owner has been told.')).toBeInTheDocument();
    expect(verified).toHaveBeenCalledTimes(1);
    const row = screen.getByRole('listitem');
    expect(row).toHaveTextContent('Verified');
    expect(within(row).queryByRole('button', { name: 'Verify Green Hands' })).not.toBeInTheDocument();
  });

  it('should verify nothing when the official goes back from the confirmation', async () => {
    const verified = jest.fn(() => ({ data: { verifyOrganization: desk('VERIFIED', {}) } }));
    render([{ request: { query: VerifyOrganizationMutation, variables: { id: 'o1' } }, result: verified }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Verify Green Hands' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Verify Green Hands?' })).getByRole('button', { name: 'Keep it as it is' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(verified).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Verify Green Hands' })).toBeInTheDocument();
  });

  it('should refuse to reject without a reason, then reject with it and show the row rejected', async () => {
    const rejected = jest.fn(() => ({ data: { rejectOrganization: desk('REJECTED', { note: 'Name differs from the certificate' }) } }));
    render([{ request: { query: RejectOrganizationMutation, variables: { input: { organizationId: 'o1', reason: 'Name differs from the certificate' } } }, result: rejected }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Reject Green Hands' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Green Hands?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject the group' }));
    expect(await within(dialog).findByText('Write the words the owner will read')).toBeInTheDocument();
    expect(rejected).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText('Reason (the owner will read it)'), '  Name differs from the certificate ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject the group' }));
    expect(await screen.findByText('Green Hands is rejected. Its owner has been told the reason.')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Rejected');
    expect(screen.getByRole('listitem')).toHaveTextContent('Note to the group: Name differs from the certificate');
  });

  it('should keep the question dialog open with the API refusal', async () => {
    render([
      {
        request: { query: RequestOrganizationInfoMutation, variables: { input: { organizationId: 'o1', message: 'Send the code' } } },
        result: { errors: [new GraphQLError('verified', { extensions: { code: 'CONFLICT', key: 'organization.alreadyVerified' } })] },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Ask Green Hands for more' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ask Green Hands for more information' });
    await userEvent.type(within(dialog).getByLabelText('What is missing (the owner will read it)'), 'Send the code');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send the question' }));
    expect(await within(dialog).findByText('This group is already verified.')).toBeInTheDocument();
  });

  it("should open the organisation's details with its members, registration number and the owner's contact", async () => {
    render([details]);
    await userEvent.click(await screen.findByRole('button', { name: 'Details of Green Hands' }));
    const drawer = await screen.findByRole('dialog', { name: 'Green Hands' });
    expect(await within(drawer).findByText('Tree planting along the river')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('91350100M000100Y43');
    expect(within(drawer).getByRole('link', { name: '13900000009' })).toHaveAttribute('href', 'tel:13900000009');
    expect(drawer).toHaveTextContent('Members (2)');
    expect(drawer).toHaveTextContent('Li Na');
    expect(within(drawer).getByRole('link', { name: "Open the group's page" })).toHaveAttribute('href', '/orgs/o1?from=desk');
  });
});
