import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import type { TaskDetailQuery } from '../../../../gql/graphql';
import { TaskReviews } from '../TaskReviews';

type Task = NonNullable<TaskDetailQuery['task']>;

const review = { __typename: 'TaskReview' as const, id: 'rv1', rating: 4, comment: 'Well organised', createdAt: '2026-11-30T02:00:00.000Z', reviewer: { __typename: 'User' as const, id: 'u1', displayName: 'Wang Xiaoming' } };
const task = (over: Partial<Task>): Task =>
  ({
    __typename: 'Task',
    id: 't1',
    status: 'COMPLETED',
    averageRating: null,
    viewerReview: null,
    reviews: { __typename: 'TaskReviewConnection', totalCount: 0, edges: [] },
    ...over,
  }) as unknown as Task;

describe('TaskReviews', () => {
  it('should offer the form to a signed-in person who has not rated the completed task', async () => {
    renderWithApp(<TaskReviews task={task({})} />, { token: 't' });
    expect(await screen.findByRole('heading', { name: 'Rate this task' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send rating' })).toBeInTheDocument();
  });

  it('should show their own rating instead of the form once they have rated it', async () => {
    renderWithApp(
      <TaskReviews
        task={task({
          averageRating: 4,
          viewerReview: { __typename: 'TaskReview', id: 'rv1', rating: 4, comment: 'Well organised' },
          reviews: { __typename: 'TaskReviewConnection', totalCount: 1, edges: [{ __typename: 'TaskReviewEdge', node: review }] },
        } as unknown as Partial<Task>)}
      />,
      { token: 't' },
    );
    expect(await screen.findByText('Your rating: 4 stars')).toBeInTheDocument();
    expect(screen.getByText('Your comment: Well organised')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Rate this task' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send rating' })).not.toBeInTheDocument();
  });
});
