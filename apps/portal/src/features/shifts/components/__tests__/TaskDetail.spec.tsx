import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { TaskDetail } from '../TaskDetail';
import { TaskDetailQuery } from '../../api/task-detail';

const DAY = 24 * 3_600_000;
const at = (days: number, hours = 0) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + days * DAY + hours * 3_600_000).toISOString();
const shift = (id: string, days: number, over: Record<string, unknown> = {}) => ({
  __typename: 'Shift' as const,
  id,
  startsAt: at(days),
  endsAt: at(days, 2),
  capacity: 4,
  place: null,
  cancelledAt: null,
  cancelReason: null,
  confirmedCount: 1,
  waitlistCount: 0,
  pendingCount: 0,
  viewerClaim: null,
  ...over,
});
const detail = (over: Record<string, unknown>, shifts: ReturnType<typeof shift>[], onBehalfOf: string | null = null) => ({
  request: { query: TaskDetailQuery, variables: { id: 't1', onBehalfOf } },
  result: {
    data: {
      task: {
        __typename: 'Task',
        id: 't1',
        title: 'Park clean-up',
        description: null,
        category: 'ENVIRONMENT',
        status: 'PUBLISHED',
        requiredSkills: ['FIRST_AID'],
        requiresApproval: false,
        requiresCheckInCode: false,
        skillsMandatory: true,
        minimumAge: 12,
        cancelledAt: null,
        cancelReason: null,
        averageRating: null,
        reviews: { __typename: 'ReviewConnection', totalCount: 0, edges: [] },
        need: null,
        organization: { __typename: 'Organization', id: 'o1', name: 'Yilin Centre', nameEn: null, kind: 'NGO', verified: true },
        region: { __typename: 'Region', id: 'g1', name: '第1网格', nameEn: 'Grid 1' },
        shifts,
        ...over,
      },
    },
  },
});

describe('TaskDetail', () => {
  it("should show the task's conditions, each shift's place, and a cancelled shift with its reason and no claim", async () => {
    const mock = detail({}, [shift('s1', 2, { place: 'East gate' }), shift('s2', 3, { cancelledAt: at(-1), cancelReason: 'Heavy rain forecast' })]);
    renderWithApp(<TaskDetail id="t1" />, { token: 't', mocks: [mock] });
    expect(await screen.findByText('Volunteers aged 12 or over')).toBeInTheDocument();
    expect(screen.getByText('Required: First aid')).toBeInTheDocument();
    const [open, cancelled] = screen.getAllByRole('article');
    expect(within(open).getByText('Meet at: East gate')).toBeInTheDocument();
    expect(within(open).getByRole('button', { name: /^Claim – / })).toBeInTheDocument();
    expect(within(open).getByRole('button', { name: /^Sign up with family or friends – / })).toBeInTheDocument();
    expect(within(cancelled).getByText('Cancelled: Heavy rain forecast')).toBeInTheDocument();
    expect(within(cancelled).queryByRole('button')).not.toBeInTheDocument();
  });

  it('should say a cancelled task was cancelled, and why', async () => {
    const mock = detail({ status: 'CANCELLED', cancelledAt: at(-1), cancelReason: 'The park is closed for works' }, [shift('s1', 2, { cancelledAt: at(-1), cancelReason: 'The park is closed for works' })]);
    renderWithApp(<TaskDetail id="t1" />, { token: 't', mocks: [mock] });
    expect(await screen.findByText('This task was cancelled: The park is closed for works')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Claim/ })).not.toBeInTheDocument();
  });

  it("should show, acting for a resident, the resident's own claim on each shift", async () => {
    const mock = detail({}, [shift('s1', 2, { viewerClaim: { __typename: 'ShiftClaim', id: 'c1', status: 'CONFIRMED' } }), shift('s2', 3)], 'r1');
    renderWithApp(<TaskDetail id="t1" />, { token: 't', mocks: [mock], actingFor: { id: 'r1', displayName: 'Zhang Defu' } });
    const [held, free] = await screen.findAllByRole('article');
    expect(within(held).getByText('Zhang Defu holds this shift.')).toBeInTheDocument();
    expect(within(held).queryByRole('button', { name: /^Claim for Zhang Defu/ })).not.toBeInTheDocument();
    expect(within(free).getByRole('button', { name: /^Claim for Zhang Defu – / })).toBeInTheDocument();
  });
});
