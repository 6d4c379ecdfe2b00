import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { PledgeActivityForm, quantityProblem } from '../PledgeActivityForm';
import { RecordPledgeActivityMutation } from '../../api/record-pledge-activity';

const members = [{ id: 'am1', organizationName: 'Yulin Bistro', pledges: ['Waste sorting', 'Volunteer discount'] }];

describe('PledgeActivityForm', () => {
  it('should want a quantity and its unit together', () => {
    expect(quantityProblem(12, 'kg')).toBeNull();
    expect(quantityProblem(undefined, undefined)).toBeNull();
    expect(quantityProblem(12, '')).toBe('unit');
    expect(quantityProblem(null, 'kg')).toBe('quantity');
    expect(quantityProblem(-1, 'kg')).toBe('quantity');
  });

  it('should refuse a quantity without a unit before sending', async () => {
    renderWithApp(<PledgeActivityForm members={members} />, { token: 't' });
    await userEvent.type(screen.getByLabelText('Quantity'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('Enter the unit of the quantity')).toBeInTheDocument();
  });

  it('should record the pledge with note, quantity and unit', async () => {
    const onSaved = jest.fn();
    const mock = {
      request: {
        query: RecordPledgeActivityMutation,
        variables: { input: { allianceMemberId: 'am1', pledge: 'Waste sorting', note: 'Sorted kitchen waste', quantity: 12, unit: 'kg', occurredAt: undefined } },
      },
      result: {
        data: {
          recordPledgeActivity: {
            __typename: 'PledgeActivity',
            id: 'pa1',
            pledge: 'Waste sorting',
            note: 'Sorted kitchen waste',
            quantity: 12,
            unit: 'kg',
            occurredAt: '2026-01-01T00:00:00.000Z',
            member: { __typename: 'AllianceMember', id: 'am1', organization: { __typename: 'Organization', id: 'o1', name: 'Yulin Bistro', nameEn: null } },
          },
        },
      },
    };
    renderWithApp(<PledgeActivityForm members={members} onSaved={onSaved} />, { token: 't', mocks: [mock] });
    await userEvent.type(screen.getByLabelText('What was done'), 'Sorted kitchen waste');
    await userEvent.type(screen.getByLabelText('Quantity'), '12');
    await userEvent.type(screen.getByLabelText('Unit'), 'kg');
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('should show the API error when the pledge was not made', async () => {
    const mock = {
      request: { query: RecordPledgeActivityMutation, variables: () => true },
      result: { errors: [{ message: 'not pledged', extensions: { code: 'BAD_USER_INPUT', key: 'alliance.notPledged', field: 'pledge' } }] },
    };
    renderWithApp(<PledgeActivityForm members={members} />, { token: 't', mocks: [mock] });
    await userEvent.click(screen.getByRole('button', { name: 'Record activity' }));
    expect(await screen.findByText('This group did not make that pledge.')).toBeInTheDocument();
  });
});
