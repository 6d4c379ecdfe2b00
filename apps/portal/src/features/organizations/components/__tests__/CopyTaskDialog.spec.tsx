import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { useLocation } from 'react-router';
import { renderWithApp } from '../../../../../test/render';
import { CopyTaskDialog } from '../CopyTaskDialog';
import { CopyTaskMutation } from '../../api/copy-task';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

const copy = (input: Record<string, unknown>, result: object) => ({ request: { query: CopyTaskMutation, variables: { input: { id: 't1', ...input } } }, result });
const ui = (
  <>
    <CopyTaskDialog organizationId="o1" task={{ id: 't1', title: 'Park clean-up' }} />
    <Where />
  </>
);

describe('CopyTaskDialog', () => {
  it('should copy a week ahead by default and open the new draft', async () => {
    const made = copy({ offsetDays: 7, title: 'Park clean-up, week 2' }, { data: { copyTask: { __typename: 'Task', id: 't2', title: 'Park clean-up, week 2', status: 'DRAFT' } } });
    renderWithApp(ui, { token: 't', route: '/orgs/o1/tasks/t1', mocks: [made] });
    await userEvent.click(screen.getByRole('button', { name: 'Copy task' }));
    expect(await screen.findByLabelText('Move the shifts by (days)')).toHaveValue('7');
    await userEvent.type(screen.getByLabelText('Title of the copy (optional)'), 'Park clean-up, week 2');
    await userEvent.click(screen.getByRole('button', { name: 'Make the copy' }));
    expect(await screen.findByText('/orgs/o1/tasks/t2')).toBeInTheDocument();
  });

  it('should show an offset that leaves a shift in the past at the days field', async () => {
    const past = copy({ offsetDays: 1 }, { errors: [new GraphQLError('past', { extensions: { code: 'BAD_USER_INPUT', field: 'offsetDays', key: 'task.copy.startsInPast' } })] });
    renderWithApp(ui, { token: 't', route: '/orgs/o1/tasks/t1', mocks: [past] });
    await userEvent.click(screen.getByRole('button', { name: 'Copy task' }));
    const days = await screen.findByLabelText('Move the shifts by (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Make the copy' }));
    const message = await screen.findByText('Moved by so few days, a shift would start in the past: choose more days.');
    expect(days.closest('.ant-form-item')).toContainElement(message);
    expect(screen.getByTestId('where')).toHaveTextContent('/orgs/o1/tasks/t1');
  });
});
