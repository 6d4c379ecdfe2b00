import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { ClaimantProfileQuery } from '../../api/claimant-profile';
import { ClaimantProfile } from '../ClaimantProfile';

const card = (over: Record<string, unknown> = {}) => ({
  request: { query: ClaimantProfileQuery, variables: { claimId: 'c1' } },
  result: {
    data: {
      claimantProfile: {
        __typename: 'VolunteerProfileCard' as const,
        volunteerId: 'v1',
        displayName: 'Liu Fang',
        skills: ['FIRST_AID'],
        verifiedMinutes: 150,
        attendanceRate: 0.75,
        tasksServed: 3,
        memberSince: '2026-01-10T02:00:00.000Z',
        phone: '138****0001',
        phoneShared: false,
        ...over,
      },
    },
  },
});

describe('ClaimantProfile', () => {
  it("should open the claimant's card from their name with the facts to judge by and the phone masked", async () => {
    renderWithApp(<ClaimantProfile claimId="c1" name="Liu Fang" />, { token: 't', mocks: [card()] });
    await userEvent.click(await screen.findByRole('button', { name: 'Profile of Liu Fang' }));
    const dialog = await screen.findByRole('dialog', { name: 'Liu Fang' });
    expect(await screen.findByText('First aid')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Came to 75% of the shifts they held');
    expect(dialog).toHaveTextContent('3 tasks');
    expect(dialog).toHaveTextContent('138****0001');
    expect(dialog).toHaveTextContent('shown in full only if the volunteer shares it for this shift');
    expect(screen.queryByRole('link', { name: /138/ })).not.toBeInTheDocument();
  });

  it('should show a shared phone in full as a number to call', async () => {
    renderWithApp(<ClaimantProfile claimId="c1" name="Liu Fang" />, { token: 't', mocks: [card({ phone: '13800000001', phoneShared: true, attendanceRate: null })] });
    await userEvent.click(await screen.findByRole('button', { name: 'Profile of Liu Fang' }));
    expect(await screen.findByRole('link', { name: '13800000001' })).toHaveAttribute('href', 'tel:13800000001');
    expect(screen.getByRole('dialog')).toHaveTextContent('No past shifts yet');
  });

  it('should open with the keyboard and close with Escape, giving focus back to the name', async () => {
    renderWithApp(<ClaimantProfile claimId="c1" name="Liu Fang" />, { token: 't', mocks: [card()] });
    const name = await screen.findByRole('button', { name: 'Profile of Liu Fang' });
    name.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Liu Fang' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(name).toHaveFocus());
  });

  it('should say why when the API refuses the card', async () => {
    const refused = { request: { query: ClaimantProfileQuery, variables: { claimId: 'c1' } }, result: { errors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN', key: 'forbidden.claim.viewClaimant' } })] } };
    renderWithApp(<ClaimantProfile claimId="c1" name="Liu Fang" />, { token: 't', mocks: [refused] });
    await userEvent.click(await screen.findByRole('button', { name: 'Profile of Liu Fang' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
