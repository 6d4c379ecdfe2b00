import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { DevMessages } from '../DevMessages';
import { DevMessagesQuery } from '../../api/dev-messages';
import { DeadLetterJobsQuery } from '../../api/dead-letter-jobs';

const page = {
  __typename: 'DevMessageConnection',
  totalCount: 1,
  pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
  edges: [
    {
      __typename: 'DevMessageEdge',
      cursor: 'c1',
      node: { __typename: 'DevMessage', id: '7', channel: 'SMS', recipient: '13651532617', subject: null, body: 'You are off the waitlist: River clean-up.', createdAt: '2030-06-01T01:00:00.000Z' },
    },
  ],
};

describe('DevMessages', () => {
  it('should list what the development sink kept, and the jobs that failed', async () => {
    renderWithApp(<DevMessages />, {
      token: 't',
      mocks: [
        { request: { query: DevMessagesQuery, variables: { first: 25 } }, result: { data: { devMessages: page } } },
        { request: { query: DeadLetterJobsQuery, variables: { first: 20 } }, result: { data: { deadLetterJobs: [] } } },
      ],
    });
    expect(await screen.findByRole('heading', { level: 2, name: '1 message' })).toBeInTheDocument();
    expect(screen.getByText('13651532617')).toBeInTheDocument();
    expect(screen.getByText('You are off the waitlist: River clean-up.')).toBeInTheDocument();
    expect(await screen.findByText('No job has failed.')).toBeInTheDocument();
  });

  it('should tell someone who is not an administrator that the page is not for them', async () => {
    const forbidden = { errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] };
    renderWithApp(<DevMessages />, { token: 't', mocks: [{ request: { query: DevMessagesQuery, variables: { first: 25 } }, result: forbidden }] });
    expect(await screen.findByText('This page is for administrators.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });
});
