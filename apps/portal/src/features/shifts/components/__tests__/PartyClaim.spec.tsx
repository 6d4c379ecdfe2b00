import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { PartyClaim } from '../PartyClaim';
import { ClaimShiftTogetherMutation, CompanionsQuery } from '../../api/claim-shift-together';

const person = (id: string, displayName: string) => ({ __typename: 'User' as const, id, displayName });
const companions = {
  request: { query: CompanionsQuery },
  result: {
    data: {
      me: { ...person('u1', 'Wang Xiaoming'), dependants: [person('k1', 'Xiaoming Jr'), person('k2', 'Xiaohong')] },
      // A minor is also a proxy resident: shown once.
      proxyResidents: {
        __typename: 'UserConnection',
        edges: [
          { __typename: 'UserEdge', cursor: 'a', node: person('k1', 'Xiaoming Jr') },
          { __typename: 'UserEdge', cursor: 'b', node: person('r1', 'Zhang Defu') },
        ],
      },
    },
  },
};
const claim = (status: string, ids: string[]) => ({
  __typename: 'ShiftClaim' as const,
  id: `c-${ids[0]}`,
  status,
  partyId: 'p1',
  volunteer: person(ids[0], { u1: 'Wang Xiaoming', k1: 'Xiaoming Jr', k2: 'Xiaohong' }[ids[0]]!),
  shift: { __typename: 'Shift' as const, id: 's1', confirmedCount: 3, waitlistCount: 0, pendingCount: 0, viewerClaim: { __typename: 'ShiftClaim' as const, id: 'c-u1', status } },
});
const together = (ids: string[], result: object) => ({ request: { query: ClaimShiftTogetherMutation, variables: { input: { shiftId: 's1', volunteerIds: ids } } }, result });

async function choose(...names: string[]) {
  await userEvent.click(await screen.findByRole('button', { name: /^Sign up with family or friends/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Sign up together' });
  for (const n of names) await userEvent.click(await within(dialog).findByRole('checkbox', { name: n }));
  return dialog;
}

describe('PartyClaim', () => {
  it('should offer the people I act for once each and claim for the party, with one result line', async () => {
    const seated = together(['u1', 'k1', 'k2'], { data: { claimShiftTogether: [claim('CONFIRMED', ['u1']), claim('CONFIRMED', ['k1']), claim('CONFIRMED', ['k2'])] } });
    renderWithApp(<PartyClaim shift={{ id: 's1', viewerClaim: null }} label="Park clean-up Sat 9:00" prerequisites={['Volunteers aged 8 or over']} />, { token: 't', mocks: [companions, seated] });
    const dialog = await choose('Xiaoming Jr', 'Xiaohong');
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(dialog).getByText('Volunteers aged 8 or over')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign up 3 people' }));
    expect(await screen.findByText('Done! Wang Xiaoming, Xiaoming Jr, Xiaohong have places together.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sign up with family or friends/ })).not.toBeInTheDocument();
  });

  it('should say the party waits together when it does not fit', async () => {
    const waiting = together(['u1', 'r1'], { data: { claimShiftTogether: [claim('WAITLISTED', ['u1']), { ...claim('WAITLISTED', ['u1']), id: 'c-r1', volunteer: person('r1', 'Zhang Defu') }] } });
    renderWithApp(<PartyClaim shift={{ id: 's1', viewerClaim: null }} label="Park clean-up Sat 9:00" prerequisites={[]} />, { token: 't', mocks: [companions, waiting] });
    const dialog = await choose('Zhang Defu');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign up 2 people' }));
    expect(await screen.findByText('There is no room for all of you yet, so Wang Xiaoming, Zhang Defu wait together and move up together.')).toBeInTheDocument();
  });

  it('should name the member the task refuses, and claim nobody', async () => {
    const tooYoung = together(['u1', 'k2'], {
      errors: [new GraphQLError('Xiaohong: This task is for volunteers aged 12 or over', { extensions: { code: 'FORBIDDEN', key: 'claim.tooYoung' } })],
    });
    renderWithApp(<PartyClaim shift={{ id: 's1', viewerClaim: null }} label="Park clean-up Sat 9:00" prerequisites={['Volunteers aged 12 or over']} />, { token: 't', mocks: [companions, tooYoung] });
    const dialog = await choose('Xiaohong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign up 2 people' }));
    expect(await within(dialog).findByText('Xiaohong: This task is for older volunteers: the minimum age is not reached on the day of the shift.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Sign up together' })).toBeInTheDocument();
  });
});
