import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { AllocateBudgetMutation } from '../../api/allocate-budget';
import { ConfigureBudgetMutation } from '../../api/configure-budget';
import { DecideIncentiveMutation } from '../../api/decide-incentive';
import { IncentiveOrganizationsQuery, IncentivePersonQuery } from '../../api/find-recipient';
import { IssueIncentiveMutation } from '../../api/issue-incentive';
import { BudgetsPage } from '../BudgetsPage';
import { budget, budgetsMock, incentive, incentivesMock } from './fixtures';

const render = (mocks: unknown[], me: { role?: 'OFFICIAL' | 'ADMIN' } = { role: 'OFFICIAL' }) => renderWithApp(<BudgetsPage />, { token: 't', me, mocks: mocks as [] });

const person = { request: { query: IncentivePersonQuery, variables: { phone: '13800000001' } }, result: { data: { userByPhone: { __typename: 'User' as const, id: 'u7', displayName: 'Wang Xiaoming', phone: '138****0001' } } } };

describe('BudgetsPage', () => {
  it("should show the office's figures, the issue form, and no allocation or settings to an official of the street", async () => {
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, [])]);
    const figures = await screen.findByRole('region', { name: 'Budget of Yulin Street Office' });
    expect(figures).toHaveTextContent('Allocated10000 points');
    expect(figures).toHaveTextContent('Awarded2000 points');
    expect(figures).toHaveTextContent('Waiting for approval600 points');
    expect(figures).toHaveTextContent('Left to award7400 points');
    expect(figures).toHaveTextContent('Awards above 500 points need a second official.');
    expect(screen.getByRole('heading', { name: 'Award an incentive' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Allocate points' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Settings' })).not.toBeInTheDocument();
    expect(await screen.findByText('Nothing is waiting for approval.')).toBeInTheDocument();
    expect(await screen.findByText('No awards yet.')).toBeInTheDocument();
  });

  it('should say so when no budget is in the viewer\'s care', async () => {
    render([budgetsMock([])]);
    expect(await screen.findByText("No street office's budget is in your care.")).toBeInTheDocument();
  });

  it('should hide the issue form from a viewer who cannot issue', async () => {
    render([budgetsMock([budget({ viewerCanIssue: false, viewerCanAllocate: true })]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, [])], { role: 'ADMIN' });
    expect(await screen.findByRole('heading', { name: 'Allocate points' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Award an incentive' })).not.toBeInTheDocument();
  });

  it('should allocate after confirming, with one idempotency key kept when the same allocation is tried again', async () => {
    const keys: string[] = [];
    let calls = 0;
    const allocate = {
      request: { query: AllocateBudgetMutation, variables: (v: { input: { idempotencyKey: string; points: number; organizationId: string } }) => (keys.push(v.input.idempotencyKey), v.input.points === 5000 && v.input.organizationId === 'so1') },
      result: () => (++calls === 1 ? { errors: [new GraphQLError('down', { extensions: { code: 'INTERNAL' } })] } : { data: { allocateBudget: budget({ viewerCanAllocate: true, allocated: 15000, remaining: 12400 }) } }),
      maxUsageCount: 2,
    };
    render([budgetsMock([budget({ viewerCanAllocate: true })]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), allocate], { role: 'ADMIN' });
    const panel = await screen.findByRole('region', { name: 'Allocate points' });
    await userEvent.type(within(panel).getByLabelText('Points to add'), '5000');
    await userEvent.click(within(panel).getByRole('button', { name: 'Allocate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add 5000 points to the budget of Yulin Street Office?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Allocate the points' }));
    expect(await within(panel).findByText('Something went wrong on our side. Please try again later.')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Allocate…' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Add 5000 points to the budget of Yulin Street Office?' })).getByRole('button', { name: 'Allocate the points' }));
    expect(await within(panel).findByText('Yulin Street Office now has 15000 points allocated in all.')).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    // The figures above come from the same budget in the cache.
    expect(screen.getByRole('region', { name: 'Budget of Yulin Street Office' })).toHaveTextContent('Allocated15000 points');
  });

  it('should save the settings and put an API refusal under its field', async () => {
    const configure = {
      request: { query: ConfigureBudgetMutation, variables: { input: { organizationId: 'so1', pointsPerHour: 12, approvalThreshold: 500 } } },
      result: { errors: [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', field: 'pointsPerHour', key: 'budget.pointsPerHourRange' } })] },
    };
    render([budgetsMock([budget({ viewerCanAllocate: true })]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), configure], { role: 'ADMIN' });
    const panel = await screen.findByRole('region', { name: 'Settings' });
    const perHour = within(panel).getByLabelText('Points per verified hour on site');
    await userEvent.clear(perHour);
    await userEvent.type(perHour, '12');
    await userEvent.click(within(panel).getByRole('button', { name: 'Save the settings' }));
    expect(await within(panel).findByText('Something in the form is not right; please check it.')).toBeInTheDocument();
    expect(within(panel).getByLabelText('Points per verified hour on site')).toHaveAttribute('aria-invalid', 'true');
  });

  it('should find the person by phone, warn above the threshold, and report the award as waiting for a second official', async () => {
    let sent: { input: Record<string, unknown> } | undefined;
    const issue = {
      request: { query: IssueIncentiveMutation, variables: (v: { input: Record<string, unknown> }) => ((sent = v), true) },
      result: { data: { issueIncentive: incentive({ id: 'i9', points: 800, recipientName: 'Wang Xiaoming', viewerCanDecide: false, issuedBy: { __typename: 'User', id: 'u1', displayName: 'Wang Xiaoming' } }) } },
    };
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), person, issue]);
    const panel = await screen.findByRole('region', { name: 'Award an incentive' });
    await userEvent.type(within(panel).getByLabelText("The person's mobile number"), '13800000001');
    await userEvent.click(within(panel).getByRole('button', { name: 'Find the person' }));
    expect(await within(panel).findByText('Found: Wang Xiaoming')).toBeInTheDocument();
    await userEvent.type(within(panel).getByLabelText('Points'), '800');
    expect(await within(panel).findByText('More than 500 points: the award will wait until a second official of this office approves it.')).toBeInTheDocument();
    await userEvent.type(within(panel).getByLabelText('Reason (shown in the public list)'), 'Flood relief');
    await userEvent.click(within(panel).getByRole('button', { name: 'Award…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Award 800 points to Wang Xiaoming?' });
    expect(dialog).toHaveTextContent('set aside from the budget until a second official approves');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Award the points' }));
    expect(await within(panel).findByText('800 points for Wang Xiaoming are waiting for another official to approve them.')).toBeInTheDocument();
    expect(sent?.input).toEqual({ budgetOrganizationId: 'so1', recipientUserId: 'u7', points: 800, reason: 'Flood relief', idempotencyKey: expect.any(String) });
  });

  it('should award an organisation chosen by searching its name, looking a phone up with Enter', async () => {
    let sent: { input: Record<string, unknown> } | undefined;
    const orgs = (search: string | undefined, nodes: { id: string; name: string }[]) => ({
      request: { query: IncentiveOrganizationsQuery, variables: search ? { search } : {} },
      result: { data: { organizations: { __typename: 'OrganizationConnection' as const, edges: nodes.map((n) => ({ __typename: 'OrganizationEdge' as const, node: { __typename: 'Organization' as const, nameEn: null, ...n } })) } } },
    });
    const issue = {
      request: { query: IssueIncentiveMutation, variables: (v: { input: Record<string, unknown> }) => ((sent = v), true) },
      result: { data: { issueIncentive: incentive({ id: 'i8', status: 'ISSUED', points: 300, recipientName: 'Green Hands', viewerCanDecide: false }) } },
    };
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), person, orgs(undefined, []), orgs('Green', [{ id: 'o5', name: 'Green Hands' }]), issue]);
    const panel = await screen.findByRole('region', { name: 'Award an incentive' });
    await userEvent.type(within(panel).getByLabelText("The person's mobile number"), '13800000001{Enter}');
    expect(await within(panel).findByText('Found: Wang Xiaoming')).toBeInTheDocument();
    await userEvent.click(within(panel).getByLabelText('An organisation'));
    const search = await within(panel).findByLabelText('Organisation');
    await userEvent.type(search, 'Green');
    await userEvent.click(await screen.findByText('Green Hands', { selector: '.ant-select-item-option-content' }));
    await userEvent.type(within(panel).getByLabelText('Points'), '300');
    expect(within(panel).queryByText(/the award will wait/)).not.toBeInTheDocument();
    await userEvent.type(within(panel).getByLabelText('Reason (shown in the public list)'), 'Clean-up day');
    await userEvent.click(within(panel).getByRole('button', { name: 'Award…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Award 300 points to Green Hands?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Award the points' }));
    expect(await within(panel).findByText('300 points awarded to Green Hands.')).toBeInTheDocument();
    expect(sent?.input).toEqual({ budgetOrganizationId: 'so1', recipientOrganizationId: 'o5', points: 300, reason: 'Clean-up day', idempotencyKey: expect.any(String) });
  });

  it('should say the phone is unknown, and refuse to send before the person is found', async () => {
    const nobody = { request: { query: IncentivePersonQuery, variables: { phone: '13900000000' } }, result: { data: { userByPhone: null } } };
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), nobody]);
    const panel = await screen.findByRole('region', { name: 'Award an incentive' });
    await userEvent.type(within(panel).getByLabelText("The person's mobile number"), '13900000000');
    await userEvent.click(within(panel).getByRole('button', { name: 'Find the person' }));
    expect(await within(panel).findByText('No one with this mobile number uses CivicGrid.')).toBeInTheDocument();
    await userEvent.type(within(panel).getByLabelText('Points'), '100');
    await userEvent.type(within(panel).getByLabelText('Reason (shown in the public list)'), 'Help');
    await userEvent.click(within(panel).getByRole('button', { name: 'Award…' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Award the points' }));
    expect(await within(panel).findByText('Find the person by their number first.')).toBeInTheDocument();
  });

  it('should say the budget cannot cover an award the ledger refuses', async () => {
    const issue = {
      request: { query: IssueIncentiveMutation, variables: () => true },
      result: { errors: [new GraphQLError('insufficient', { extensions: { code: 'CONFLICT', key: 'ledger.insufficientBalance' } })] },
    };
    render([budgetsMock([budget({ remaining: 50 })]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, []), person, issue]);
    const panel = await screen.findByRole('region', { name: 'Award an incentive' });
    await userEvent.type(within(panel).getByLabelText("The person's mobile number"), '13800000001');
    await userEvent.click(within(panel).getByRole('button', { name: 'Find the person' }));
    await within(panel).findByText('Found: Wang Xiaoming');
    await userEvent.type(within(panel).getByLabelText('Points'), '100');
    await userEvent.type(within(panel).getByLabelText('Reason (shown in the public list)'), 'Help');
    await userEvent.click(within(panel).getByRole('button', { name: 'Award…' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Award 100 points to Wang Xiaoming?' })).getByRole('button', { name: 'Award the points' }));
    expect(await within(panel).findByText('The budget cannot cover this: only 50 points are left.')).toBeInTheDocument();
  });

  it("should show the issuer that their award waits for another official, without decision buttons", async () => {
    const own = incentive({ viewerCanDecide: false, issuedBy: { __typename: 'User', id: 'u1', displayName: 'Wang Xiaoming' } });
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', [own]), incentivesMock(undefined, [own])]);
    const queue = await screen.findByRole('region', { name: 'Waiting for a second official' });
    expect(await within(queue).findByText('You made this award: it is waiting for another official of the office.')).toBeInTheDocument();
    expect(within(queue).queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
  });

  it('should need a reason to reject, and reject with it after confirming', async () => {
    let sent: unknown;
    const decide = {
      request: { query: DecideIncentiveMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { decideIncentive: incentive({ status: 'REJECTED', viewerCanDecide: false, decidedReason: 'Not within the rules', decidedAt: '2026-12-01T02:00:00.000Z' }) } },
    };
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', [incentive()]), incentivesMock(undefined, [incentive()]), decide]);
    const queue = await screen.findByRole('region', { name: 'Waiting for a second official' });
    const reject = await within(queue).findByRole('button', { name: 'Reject 600 points for 王*明' });
    expect(reject).toBeDisabled();
    await userEvent.type(within(queue).getByLabelText('Your reason (needed to reject)'), 'Not within the rules');
    await userEvent.click(reject);
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Reject 600 points for 王*明?' })).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(sent).toEqual({ input: { incentiveId: 'i1', approve: false, reason: 'Not within the rules' } }));
  });

  it("should show the API's refusal of an approval on the row", async () => {
    const decide = {
      request: { query: DecideIncentiveMutation, variables: { input: { incentiveId: 'i1', approve: true } } },
      result: { errors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] },
    };
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', [incentive()]), incentivesMock(undefined, []), decide]);
    const queue = await screen.findByRole('region', { name: 'Waiting for a second official' });
    await userEvent.click(await within(queue).findByRole('button', { name: 'Approve 600 points for 王*明' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Approve 600 points for 王*明?' })).getByRole('button', { name: 'Approve' }));
    expect(await within(queue).findByText('You are not allowed to do this.')).toBeInTheDocument();
  });

  it("should keep one primary action in elder mode, and tell another official's award apart from one the viewer may decide", async () => {
    const decidable = incentive();
    const other = incentive({ id: 'i4', viewerCanDecide: false, recipientName: 'Green Hands' });
    renderWithApp(<BudgetsPage />, { token: 't', me: { role: 'OFFICIAL' }, elder: true, mocks: [budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', [decidable, other]), incentivesMock(undefined, [])] as never });
    const queue = await screen.findByRole('region', { name: 'Waiting for a second official' });
    const approve = await within(queue).findByRole('button', { name: 'Approve 600 points for 王*明' });
    expect(approve).not.toHaveClass('ant-btn-primary');
    const rows = within(queue).getAllByRole('listitem');
    expect(rows[1]).toHaveTextContent('Waiting for another official of the office.');
    expect(within(rows[1]).queryByRole('button')).not.toBeInTheDocument();
  });

  it('should list the history with the decisions and their reasons', async () => {
    const done = incentive({ id: 'i2', status: 'ISSUED', points: 200, viewerCanDecide: false, recipientName: 'Green Hands', approvedBy: null });
    const rejected = incentive({ id: 'i3', status: 'REJECTED', viewerCanDecide: false, decidedReason: 'Twice for one act', approvedBy: null });
    render([budgetsMock([budget()]), incentivesMock('PENDING_APPROVAL', []), incentivesMock(undefined, [done, rejected])]);
    const history = await screen.findByRole('region', { name: 'All awards of the office' });
    expect(await within(history).findByText('2 awards')).toBeInTheDocument();
    expect(history).toHaveTextContent('200 points → Green Hands');
    expect(history).toHaveTextContent('Rejected: Twice for one act');
  });

  it('should show a failed load with a retry', async () => {
    render([{ request: { query: (await import('../../api/my-budgets')).MyBudgetsQuery }, result: { errors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] } }]);
    expect(await screen.findByText('You are not allowed to do this.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
