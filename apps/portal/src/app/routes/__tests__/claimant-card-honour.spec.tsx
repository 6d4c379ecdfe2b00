import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../../test/render';
import { ClaimantProfileQuery } from '../../../features/organizations/api/claimant-profile';
import { AwardHonourMutation } from '../../../features/certificates/api/award-honour';
import { ClaimantCardExtra, ClaimantProfile } from '../../../features/organizations/components/ClaimantProfile';
import { AwardHonourForm } from '../../../features/certificates/components/AwardHonourForm';

const org = { __typename: 'Organization' as const, id: 'o1', name: '益邻社区服务中心', nameEn: 'Yilin Community Service Centre' };

const card = {
  request: { query: ClaimantProfileQuery, variables: { claimId: 'c1' } },
  result: {
    data: {
      claimantProfile: {
        __typename: 'VolunteerProfileCard' as const,
        volunteerId: 'v1',
        displayName: 'Liu Fang',
        skills: [],
        verifiedMinutes: 150,
        attendanceRate: null,
        tasksServed: 3,
        memberSince: '2026-01-10T02:00:00.000Z',
        phone: null,
        phoneShared: false,
      },
    },
  },
};

// As the task page composes them: the card from the organisations feature, the honour from certificates.
function Page() {
  return (
    <ClaimantCardExtra.Provider value={(c) => <AwardHonourForm userId={c.volunteerId} name={c.displayName} organizationId="o1" />}>
      <ClaimantProfile claimId="c1" name="Liu Fang" />
    </ClaimantCardExtra.Provider>
  );
}

describe("a claimant's card on the task page", () => {
  it("should offer the organisation's admin to award the volunteer an honour", async () => {
    let sent: unknown;
    const award = {
      request: { query: AwardHonourMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { awardHonour: { __typename: 'Honour', id: 'h1', title: 'Star helper', reason: 'Always early', awardedAt: '2026-12-01T02:00:00.000Z', awardedBy: org } } },
    };
    renderWithApp(
      <Routes>
        <Route path="*" element={<Page />} />
      </Routes>,
      { token: 't', me: { memberships: [{ __typename: 'Membership', id: 'm1', role: 'OWNER', organization: org }] } as never, mocks: [card, award] },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Profile of Liu Fang' }));
    const dialog = await screen.findByRole('dialog', { name: 'Liu Fang' });
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Award Liu Fang an honour' }));
    await userEvent.type(within(dialog).getByLabelText('Honour'), 'Star helper');
    await userEvent.type(within(dialog).getByLabelText('Reason (shown on their profile)'), 'Always early');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Award the honour' }));
    expect(await within(dialog).findByText('Liu Fang has been awarded “Star helper”.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { userId: 'v1', organizationId: 'o1', title: 'Star helper', reason: 'Always early' } });
  });
});
