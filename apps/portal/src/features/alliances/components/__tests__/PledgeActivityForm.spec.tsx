import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { PledgeActivityForm, quantityProblem } from '../PledgeActivityForm';
import { RecordPledgeActivityMutation } from '../../api/record-pledge-activity';

const members = [{ id: 'am1', organizationName: 'Yulin Bistro', pledges: ['WASTE_SORTING', 'SAFETY_PATROL'] }];
const unitsOf = { WASTE_SORTING: ['KG', 'BAG'], SAFETY_PATROL: ['ROUND', 'HOUR'] };

const recorded = (over: Record<string, unknown>) => ({
  __typename: 'PledgeActivity',
  id: 'pa1',
  pledge: 'WASTE_SORTING',
  note: null,
  quantity: 12,
  unit: 'KG',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
  changeableUntil: '2026-01-02T00:00:00.000Z',
  viewerMayChange: true,
  member: { __typename: 'AllianceMember', id: 'am1', pledges: ['WASTE_SORTING', 'SAFETY_PATROL'], organization: { __typename: 'Organization', id: 'o1', name: 'Yulin Bistro', nameEn: null } },
  ...over,
});

/** The antd select of a field, by its label: its options open on a click. */
async function choose(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByTitle(option));
}

describe('PledgeActivityForm', () => {
  it('should want a positive quantity, whole for counted units', () => {
    expect(quantityProblem(12.5, 'KG')).toBeNull();
    expect(quantityProblem(3, 'ROUND')).toBeNull();
    expect(quantityProblem(undefined, 'KG')).toBe('required');
    expect(quantityProblem(null, 'KG')).toBe('required');
    expect(quantityProblem(0, 'KG')).toBe('positive');
    expect(quantityProblem(-1, 'KG')).toBe('positive');
    expect(quantityProblem(1.5, 'ROUND')).toBe('whole');
  });

  it('should refuse an empty form before sending anything', async () => {
    // No mocks: a request would fail the test with an unmatched-mock error on screen.
    renderWithApp(<PledgeActivityForm members={members} unitsOf={unitsOf} />, { token: 't' });
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('Enter the quantity (with its unit)')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Quantity'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('The quantity must be more than zero')).toBeInTheDocument();
  });

  it("should offer the chosen pledge's units by name and follow a change of pledge", async () => {
    renderWithApp(<PledgeActivityForm members={members} unitsOf={unitsOf} />, { token: 't' });
    const unitField = screen.getByLabelText('Unit').closest('.ant-select') as HTMLElement;
    expect(within(unitField).getByTitle('kg')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Unit'));
    expect(await screen.findByTitle('bags')).toBeInTheDocument();
    expect(screen.queryByTitle('rounds')).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await choose('Pledge', 'Safety patrols');
    await waitFor(() => expect(within(unitField).getByTitle('rounds')).toBeInTheDocument());
    await userEvent.type(screen.getByLabelText('Quantity'), '1.5');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('Enter a whole number')).toBeInTheDocument();
  });

  it('should record the pledge in the chosen unit and say what was recorded', async () => {
    const onSaved = jest.fn();
    const mock = {
      request: {
        query: RecordPledgeActivityMutation,
        variables: { input: { allianceMemberId: 'am1', pledge: 'WASTE_SORTING', note: 'Sorted kitchen waste', quantity: 2, unit: 'BAG', occurredAt: undefined } },
      },
      result: { data: { recordPledgeActivity: recorded({ quantity: 2, unit: 'BAG', note: 'Sorted kitchen waste' }) } },
    };
    renderWithApp(<PledgeActivityForm members={members} unitsOf={unitsOf} onSaved={onSaved} />, { token: 't', mocks: [mock] });
    await userEvent.type(screen.getByLabelText('What was done'), 'Sorted kitchen waste');
    await userEvent.type(screen.getByLabelText('Quantity'), '2');
    await choose('Unit', 'bags');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('Recorded: Waste sorting: 2 bags.')).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledWith('Waste sorting: 2 bags');
    // The form is ready for the next record.
    expect(screen.getByLabelText('Quantity')).toHaveValue('');
  });

  it('should show the API error next to its field', async () => {
    const mock = {
      request: { query: RecordPledgeActivityMutation, variables: () => true },
      result: { errors: [{ message: 'not for this pledge', extensions: { code: 'BAD_USER_INPUT', key: 'alliance.unitNotForPledge', field: 'unit' } }] },
    };
    renderWithApp(<PledgeActivityForm members={members} unitsOf={unitsOf} />, { token: 't', mocks: [mock] });
    await userEvent.type(screen.getByLabelText('Quantity'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('Choose one of the units of this pledge.')).toBeInTheDocument();
    expect(screen.queryByText(/^Recorded:/)).not.toBeInTheDocument();
  });
});
