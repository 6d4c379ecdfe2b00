import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import type { OrganizationPageQuery } from '../../../../gql/graphql';
import { ResubmitOrganizationMutation } from '../../api/resubmit-organization';
import { VerificationPanel } from '../VerificationPanel';

type Org = NonNullable<OrganizationPageQuery['organization']>;

const org = (over: Partial<Org> = {}): Org =>
  ({
    __typename: 'Organization',
    id: 'o1',
    name: 'Green Hands',
    kind: 'NGO',
    description: 'Tree planting',
    verified: false,
    verifiedAt: null,
    verificationStatus: 'REJECTED',
    registrationNumber: null,
    review: { __typename: 'OrganizationReview', status: 'REJECTED', note: 'The name differs from the certificate', reviewedAt: '2026-12-01T02:00:00.000Z', answer: null },
    allianceMemberships: [],
    region: { __typename: 'Region', id: 'g1', name: '网格', nameEn: 'Grid 1', parent: null },
    members: { __typename: 'MembershipConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, edges: [] },
    tasks: { __typename: 'TaskConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, edges: [] },
    ...over,
  }) as Org;

describe('VerificationPanel', () => {
  it("should show the officials' reason and resubmit the corrected details with an answer", async () => {
    let sent: unknown;
    const resubmitted = {
      request: { query: ResubmitOrganizationMutation, variables: (v: unknown) => ((sent = v), true) },
      result: {
        data: {
          resubmitOrganization: {
            __typename: 'Organization' as const,
            id: 'o1',
            description: 'Tree planting',
            registrationNumber: '91350100M000100Y43',
            verified: false,
            verificationStatus: 'PENDING',
            review: { __typename: 'OrganizationReview' as const, status: 'PENDING', note: null, reviewedAt: '2026-12-01T02:00:00.000Z', answer: 'Renamed' },
          },
        },
      },
    };
    renderWithApp(<VerificationPanel org={org()} />, { token: 't', mocks: [resubmitted] });
    expect(screen.getByText('The street office did not verify this group')).toBeInTheDocument();
    expect(screen.getByText('The name differs from the certificate')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Unified social credit code'), '91350100M000100Y43');
    await userEvent.type(screen.getByLabelText('Your answer to the street office'), 'Renamed');
    await userEvent.click(screen.getByRole('button', { name: 'Correct and resubmit' }));
    await waitFor(() =>
      expect(sent).toEqual({ input: { organizationId: 'o1', description: 'Tree planting', registrationNumber: '91350100M000100Y43', answer: 'Renamed' } }),
    );
  });

  it('should refuse a registration number that is not 18 characters of the code before sending', async () => {
    renderWithApp(<VerificationPanel org={org({ verificationStatus: 'INFO_REQUESTED', review: { status: 'INFO_REQUESTED', note: 'Send the code', reviewedAt: null, answer: null } })} />, { token: 't' });
    expect(screen.getByText('The street office asks for more information')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Unified social credit code'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Correct and resubmit' }));
    expect(await screen.findByText('A unified social credit code has 18 letters and digits')).toBeInTheDocument();
  });

  it('should say it waits for the street office once resubmitted, with no form', () => {
    renderWithApp(<VerificationPanel org={org({ verificationStatus: 'PENDING', review: { status: 'PENDING', note: null, reviewedAt: null, answer: 'Renamed' } })} />, { token: 't' });
    expect(screen.getByText('Waiting for the street office to verify the group.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Correct and resubmit' })).not.toBeInTheDocument();
  });
});
