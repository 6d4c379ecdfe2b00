import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { EditShiftForm, type EditableShift } from '../EditShiftForm';
import { UpdateShiftMutation } from '../../api/update-shift';

const DAY = 24 * 3_600_000;
// Whole minutes, as the picker keeps them.
const base = Math.floor((Date.now() + 3 * DAY) / 60_000) * 60_000;
const shift: EditableShift = { id: 's1', startsAt: new Date(base).toISOString(), endsAt: new Date(base + 2 * 3_600_000).toISOString(), capacity: 5, place: 'East gate' };

const update = (input: Record<string, unknown>, result: object) => ({ request: { query: UpdateShiftMutation, variables: { input: { id: 's1', ...input } } }, result });
const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item');

describe('EditShiftForm', () => {
  it('should show a capacity below the places taken at the places field, and stay open', async () => {
    const below = update(
      { capacity: 1, place: 'East gate' },
      { errors: [new GraphQLError('3 volunteers hold places on this shift', { extensions: { code: 'BAD_USER_INPUT', field: 'capacity', key: 'shift.capacityBelowPlacesTaken' } })] },
    );
    const onDone = jest.fn();
    renderWithApp(<EditShiftForm shift={shift} started={false} label="Sat 9:00" onDone={onDone} />, { token: 't', mocks: [below] });
    const places = screen.getByLabelText('Places');
    await userEvent.clear(places);
    await userEvent.type(places, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Save shift' }));
    const message = await screen.findByText('More volunteers already hold places than that: cancel claims first, or keep more places.');
    expect(itemOf('Places')).toContainElement(message);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('should send only what changed: a new place, the time left as it was', async () => {
    const saved = update(
      { capacity: 5, place: 'North gate' },
      { data: { updateShift: { __typename: 'Shift', id: 's1', startsAt: shift.startsAt, endsAt: shift.endsAt, capacity: 5, place: 'North gate', confirmedCount: 0, waitlistCount: 0, pendingCount: 0 } } },
    );
    const onDone = jest.fn();
    renderWithApp(<EditShiftForm shift={shift} started={false} label="Sat 9:00" onDone={onDone} />, { token: 't', mocks: [saved] });
    const place = screen.getByLabelText('Meeting place (optional)');
    expect(place).toHaveValue('East gate');
    await userEvent.clear(place);
    await userEvent.type(place, '  North gate ');
    await userEvent.click(screen.getByRole('button', { name: 'Save shift' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('should keep the time of a shift under way', () => {
    renderWithApp(<EditShiftForm shift={shift} started label="Sat 9:00" onDone={() => undefined} />, { token: 't' });
    expect(screen.getByLabelText('Starts')).toBeDisabled();
    expect(screen.getByLabelText('Ends')).toBeDisabled();
    expect(screen.getByText(/This shift has started/)).toBeInTheDocument();
  });
});
