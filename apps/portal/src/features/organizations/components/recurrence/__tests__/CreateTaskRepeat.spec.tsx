import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../../test/render';
import { RegionsQuery } from '../../../../../lib/regions/regions.query';
import { PreviewShiftSeriesQuery } from '../../../../../lib/recurrence';
import { dayjs } from '../../../../../lib/time';
import { CreateTaskMutation } from '../../../api/create-task';
import { OrganizationPageQuery } from '../../../api/organization';
import { CreateTaskForm } from '../../CreateTaskForm';

const org = {
  request: { query: OrganizationPageQuery, variables: { id: 'o1' } },
  result: {
    data: {
      organization: {
        __typename: 'Organization',
        id: 'o1',
        name: 'Yilin Centre',
        nameEn: null,
        kind: 'NGO',
        description: null,
        verified: true,
        region: { __typename: 'Region', id: 'g1', name: '网格', nameEn: 'Grid 1', parent: null },
        members: { __typename: 'MembershipConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, edges: [] },
        tasks: { __typename: 'TaskConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, edges: [] },
      },
      me: { __typename: 'User', id: 'u1', memberships: [] },
    },
  },
  maxUsageCount: 5,
};
const regions = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };
const preview = {
  request: { query: PreviewShiftSeriesQuery, variables: () => true },
  result: { data: { previewShiftSeries: { __typename: 'ShiftSeriesPreview' as const, rrule: 'FREQ=DAILY;INTERVAL=1;COUNT=3', totalCount: 3, windowCount: 3, occurrences: [] } } },
  maxUsageCount: 100,
};

const day = dayjs().tz('Asia/Shanghai').add(10, 'day').format('YYYY-MM-DD');

async function typeDate(input: HTMLElement, value: string) {
  await userEvent.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('CreateTaskForm with a repeating shift', () => {
  it('should send a repeating row as a series of the new task', async () => {
    const sent = jest.fn();
    const create = {
      request: { query: CreateTaskMutation, variables: () => true },
      result: (vars: Record<string, unknown>) => {
        sent(vars);
        return { data: { createTask: { __typename: 'Task' as const, id: 't9', title: 'Tea', status: 'DRAFT' as const, organization: { __typename: 'Organization' as const, id: 'o1' } } } };
      },
    };
    renderWithApp(<CreateTaskForm organizationId="o1" />, { token: 't', mocks: [org, regions, preview, create, org] });
    await userEvent.type(await screen.findByLabelText('Title'), 'Tea with elders');
    const row = screen.getByRole('group', { name: 'Shift 1' });
    await typeDate(within(row).getByLabelText(/^Starts$/), `${day} 15:00`);
    await typeDate(within(row).getByLabelText(/^Ends$/), `${day} 16:00`);
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Repeat this shift' }));
    await userEvent.click(await within(row).findByRole('combobox', { name: 'Repeats' }));
    await userEvent.click(await screen.findByTitle('Daily'));
    const count = within(row).getByLabelText('Number of times');
    await userEvent.clear(count);
    await userEvent.type(count, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent.mock.calls[0][0].input).toMatchObject({
      title: 'Tea with elders',
      shifts: [],
      series: [{ startsAt: `${day}T07:00:00.000Z`, endsAt: `${day}T08:00:00.000Z`, capacity: 5, recurrence: { frequency: 'DAILY', interval: 1, count: 3 }, exceptions: [] }],
    });
    // The whole new-task form with its pickers: given more time on a busy machine.
  }, 90_000);
});
