import { screen, waitFor } from '@testing-library/react';
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

describe('AutoFillDialog', () => {
  it('should show the dry run first and invite only on confirmation, with one key however often it is clicked', async () => {
    const seen: Input[] = [];
    const dry = {
      request: { query: AutoAssignMutation, variables: (v: { input: Input }) => (v.input.dryRun ? (seen.push(v.input), true) : false) },
      result: { data: { autoAssign: { __typename: 'AssignmentProposal', objective: 0.82, unfilledPlaces: 1, pairs: [pair], invitations: [] } } },
    };
    const real = {
      request: { query: AutoAssignMutation, variables: (v: { input: Input }) => (!v.input.dryRun ? (seen.push(v.input), true) : false) },
      result: {
        data: {
          autoAssign: {
            __typename: 'AssignmentProposal',
            objective: 0.82,
            unfilledPlaces: 1,
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
    expect(screen.getByText(/1 invitation proposed/)).toBeInTheDocument();
    expect(screen.getByText(/1 place stays open/)).toBeInTheDocument();
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
});
