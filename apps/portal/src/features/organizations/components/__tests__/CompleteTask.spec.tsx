import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { CompleteTaskMutation } from '../../api/complete-task';
import { canComplete, CompleteTask, type CompletableTask } from '../CompleteTask';

const NOW = Date.parse('2026-12-01T08:00:00.000Z');
const ended = { endsAt: '2026-12-01T06:00:00.000Z', cancelledAt: null };
const ahead = { endsAt: '2026-12-04T06:00:00.000Z', cancelledAt: null };
const task = (over: Partial<CompletableTask> = {}): CompletableTask => ({ id: 't1', title: 'Riverside clean-up', status: 'PUBLISHED', shifts: [ended], ...over });

describe('CompleteTask', () => {
  it('should be offered only once the last shift has ended, on a published or closed task', () => {
    expect(canComplete(task(), NOW)).toBe(true);
    expect(canComplete(task({ status: 'CLOSED' }), NOW)).toBe(true);
    expect(canComplete(task({ shifts: [ended, ahead] }), NOW)).toBe(false);
    // A cancelled shift ahead does not hold the task open; a task with no shift held has nothing to complete.
    expect(canComplete(task({ shifts: [ended, { ...ahead, cancelledAt: '2026-11-30T00:00:00.000Z' }] }), NOW)).toBe(true);
    expect(canComplete(task({ shifts: [{ ...ahead, cancelledAt: '2026-11-30T00:00:00.000Z' }] }), NOW)).toBe(false);
    for (const status of ['DRAFT', 'COMPLETED', 'CANCELLED']) expect(canComplete(task({ status }), NOW)).toBe(false);
  });

  it('should show nothing while a shift is ahead', () => {
    renderWithApp(<CompleteTask task={task({ shifts: [ahead] })} now={NOW} onError={() => undefined} />, { token: 't' });
    expect(screen.queryByRole('button', { name: 'Mark as completed' })).not.toBeInTheDocument();
  });

  it('should ask, saying it is final, in the danger style, before completing', async () => {
    const completed = { request: { query: CompleteTaskMutation, variables: { id: 't1' } }, result: { data: { completeTask: { __typename: 'Task', id: 't1', status: 'COMPLETED', completedAt: '2026-12-01T08:00:00.000Z' } } } };
    const onError = jest.fn();
    renderWithApp(<CompleteTask task={task()} now={NOW} onError={onError} />, { token: 't', mocks: [completed] });
    const button = screen.getByRole('button', { name: 'Mark as completed' });
    expect(button).toHaveClass('ant-btn-dangerous');
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Mark “Riverside clean-up” as completed?' });
    expect(dialog).toHaveTextContent('This cannot be undone');
    expect(dialog).toHaveTextContent('The task closes for good');
    await userEvent.click(screen.getAllByRole('button', { name: 'Mark as completed' }).at(-1)!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onError).toHaveBeenLastCalledWith(null);
  });
});
