import { BudgetIncentivesQuery } from '../../api/budget-incentives';
import { MyBudgetsQuery } from '../../api/my-budgets';

export const office = { __typename: 'Organization' as const, id: 'so1', name: '玉林街道办事处', nameEn: 'Yulin Street Office' };

export const budget = (over: Record<string, unknown> = {}) => ({
  __typename: 'Budget' as const,
  organization: office,
  allocated: 10000,
  issued: 2000,
  pendingApproval: 600,
  remaining: 7400,
  pointsPerHour: 10,
  approvalThreshold: 500,
  viewerCanIssue: true,
  viewerCanAllocate: false,
  ...over,
});

export const incentive = (over: Record<string, unknown> = {}) => ({
  __typename: 'Incentive' as const,
  id: 'i1',
  points: 600,
  reason: 'Flood relief at the river bank',
  status: 'PENDING_APPROVAL',
  recipientName: '王*明',
  createdAt: '2026-11-30T02:00:00.000Z',
  decidedAt: null,
  decidedReason: null,
  viewerCanDecide: true,
  issuedBy: { __typename: 'User' as const, id: 'u2', displayName: 'Zhou Min' },
  approvedBy: null,
  ...over,
});

export const connection = (nodes: unknown[], hasNextPage = false) => ({
  __typename: 'IncentiveConnection' as const,
  totalCount: nodes.length,
  edges: nodes.map((node, i) => ({ __typename: 'IncentiveEdge' as const, cursor: `c${i}`, node })),
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: nodes.length ? `c${nodes.length - 1}` : null },
});

export const budgetsMock = (budgets: unknown[]) => ({ request: { query: MyBudgetsQuery }, result: { data: { myBudgets: budgets } }, maxUsageCount: 5 });

export const incentivesMock = (status: string | undefined, nodes: unknown[]) => ({
  request: { query: BudgetIncentivesQuery, variables: (v: { organizationId: string; status?: string | null; after?: string | null }) => v.organizationId === 'so1' && (v.status ?? undefined) === status && !v.after },
  result: { data: { budgetIncentives: connection(nodes) } },
  maxUsageCount: 5,
});
