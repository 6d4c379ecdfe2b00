import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { AutoFillDialog } from '../AutoFillDialog';
import { AutoAssignMutation } from '../../api/auto-assign';

const pair = {
  __typename: 'ProposedPair',
  score: 0.82,
  distanceKm: 1.2,
  reasons: [
    { __typename: 'MatchReason', code: 'DISTANCE', weight: 0.12, detail: 'distanceKm=1.2' },
    { __typename: 'MatchReason', code: 'SKILL_MATCH', weight: 0.3, detail: 'matched=FIRST_AID;missing=' },
  ],
  volunteer: { __typename: 'User', id: 'v1', displayName: 'Li Na' },
  shift: { __typename: 'Shift', id: 's1', startsAt: '2030-06-01T01:00:00.000Z', endsAt: '2030-06-01T03:00:00.000Z' },
};

type Input = { shiftIds: string[]; dryRun: boolean; idempotencyKey: string };
/** One of two places filled, by a first-aider 1.2 km away. */
const counts: { placesOpen: number; placesFilled: number; skillsMet: number; meanDistanceMeters: number | null } = { placesOpen: 2, placesFilled: 1, skillsMet: 1, meanDistanceMeters: 1200 };
const fill = (shift: typeof pair.shift, over: Partial<typeof counts> = {}) => ({ __typename: 'ShiftFill', ...counts, ...over, shift });
const figures = { ...counts, shifts: [fill(pair.shift)] };

describe('AutoFillDialog', () => {
  it('should show the dry run first and invite only on confirmation, with one key however often it is clicked', async () => {
    const seen: Input[] = [];
    const dry = {
      request: { query: AutoAssignMutation, variables: (v: { input: Input }) => (v.input.dryRun ? (seen.push(v.input), true) : false) },
      result: { data: { autoAssign: { __typename: 'AssignmentProposal', objective: 0.82, unfilledPlaces: 1, ...figures, pairs: [pair], invitations: [] } } },
    };
    const real = {
      request: { query: AutoAssignMutation, variables: (v: { input: Input }) => (!v.input.dryRun ? (seen.push(v.input), true) : false) },
      result: {
        data: {
          autoAssign: {
            __typename: 'AssignmentProposal',
            objective: 0.82,
            unfilledPlaces: 1,
            ...figures,
            pairs: [pair],
            invitations: [{ __typename: 'Invitation', id: 'i1', status: 'PENDING', volunteer: pair.volunteer, shift: { __typename: 'Shift', id: 's1' } }],
          },
        },
      },
      delay: 50,
    };
    const onDone = jest.fn();
    renderWithApp(<AutoFillDialog shiftIds={['s1']} onDone={onDone} />, { token: 't', mocks: [dry, real] });

    await userEvent.click(screen.getByRole('button', { name: 'Auto-fill open places' }));
    expect(await screen.findByText('Li Na')).toBeInTheDocument();
    // Figures a coordinator can judge, not the raw total score.
    expect(screen.getByText('Places filled').nextSibling).toHaveTextContent('1 of 2');
    expect(screen.getByText('Have the skills asked for').nextSibling).toHaveTextContent('1 of 1');
    expect(screen.getByText('Mean distance from home').nextSibling).toHaveTextContent('1.2 km');
    expect(screen.queryByText(/total score|0\.82/)).not.toBeInTheDocument();
    // Who is never proposed, said where the coordinator decides.
    expect(screen.getByText(/never your organisation's own coordinators/)).toBeInTheDocument();
    expect(screen.getByText(/1.2 km away · has First aid/)).toBeInTheDocument();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ shiftIds: ['s1'], dryRun: true });

    const confirm = screen.getByRole('button', { name: 'Invite 1 volunteer' });
    await userEvent.click(confirm);
    await userEvent.click(confirm);
    expect(await screen.findByText('1 invitation sent.')).toBeInTheDocument();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const sends = seen.filter((s) => !s.dryRun);
    expect(sends).toHaveLength(1);
    expect(sends[0].idempotencyKey).not.toBe(seen[0].idempotencyKey);
  });

  it('should explain an API error in the dialog', async () => {
    const failing = {
      request: { query: AutoAssignMutation, variables: () => true },
      result: { errors: [{ message: 'task not open', extensions: { code: 'CONFLICT', key: 'autoAssign.taskNotOpen' } }] },
    };
    renderWithApp(<AutoFillDialog shiftIds={['s1']} />, { token: 't', mocks: [failing] });
    await userEvent.click(screen.getByRole('button', { name: 'Auto-fill open places' }));
    expect(await screen.findByText('The task is not published.')).toBeInTheDocument();
  });

  it('should say metres for a short mean distance and that nobody is chosen when the proposal is empty', async () => {
    const answer = (over: Partial<typeof counts> & { shifts?: unknown[] }, pairs: unknown[]) => ({
      request: { query: AutoAssignMutation, variables: () => true },
      result: { data: { autoAssign: { __typename: 'AssignmentProposal', objective: 0, unfilledPlaces: 0, ...figures, ...over, pairs, invitations: [] } } },
    });
    const { unmount } = renderWithApp(<AutoFillDialog shiftIds={['s1']} />, { token: 't', mocks: [answer({ meanDistanceMeters: 350 }, [pair])] });
    await userEvent.click(screen.getByRole('button', { name: 'Auto-fill open places' }));
    expect(await screen.findByText('350 m')).toBeInTheDocument();
    // One shift: no per-shift list.
    expect(screen.queryByRole('list', { name: 'Per shift' })).not.toBeInTheDocument();
    unmount();

    const later = { __typename: 'Shift', id: 's2', startsAt: '2030-06-02T01:00:00.000Z', endsAt: '2030-06-02T03:00:00.000Z' };
    const none = { placesFilled: 0, skillsMet: 0, meanDistanceMeters: null };
    renderWithApp(<AutoFillDialog shiftIds={['s1', 's2']} />, { token: 't', mocks: [answer({ ...none, placesOpen: 2, shifts: [fill(pair.shift, { ...none, placesOpen: 1 }), fill(later, { ...none, placesOpen: 1 })] }, [])] });
    await userEvent.click(screen.getByRole('button', { name: 'Auto-fill open places' }));
    expect(await screen.findByText('Nobody chosen')).toBeInTheDocument();
    expect(screen.getByText('Places filled').nextSibling).toHaveTextContent('0 of 2');
    const perShift = within(screen.getByRole('list', { name: 'Per shift' })).getAllByRole('listitem');
    expect(perShift).toHaveLength(2);
    expect(perShift[1]).toHaveTextContent(/09:00.*0 of 1 places · 0 with the skills · Nobody chosen/);
    expect(screen.getByRole('button', { name: 'Invite 0 volunteers' })).toBeDisabled();
  });
});
