import type { MockLink } from '@apollo/client/testing';

/** What the incentive pages' tests answer with: every field the documents ask for. */
export const page = (typename: string, nodes: object[], { hasNextPage = false, endCursor = null as string | null, totalCount = nodes.length } = {}) => ({
  __typename: `${typename}Connection` as const,
  totalCount,
  pageInfo: { __typename: 'PageInfo' as const, endCursor, hasNextPage },
  edges: nodes.map((node, i) => ({ __typename: `${typename}Edge` as const, cursor: `${typename}-c${i}`, node })),
});

export const org = (id: string, name: string) => ({ __typename: 'Organization' as const, id, name, nameEn: null });
export const alliance = (id: string, name: string) => ({ __typename: 'Alliance' as const, id, name, nameEn: null });

export const reward = (over: Record<string, unknown> = {}) => ({
  __typename: 'Reward' as const,
  id: 'r1',
  title: 'Free noodles',
  description: 'One bowl of house noodles',
  pointsCost: 50,
  stock: 7,
  validUntil: '2026-12-31T15:59:59.000Z',
  status: 'ACTIVE',
  viewerCanManage: false,
  merchant: org('m1', 'Yulin Kitchen'),
  alliance: alliance('a1', 'Yulin Street Alliance'),
  ...over,
});

export const redemption = (over: Record<string, unknown> = {}) => ({
  __typename: 'Redemption' as const,
  id: 'd1',
  code: 'ABCD2345',
  status: 'HELD',
  points: 50,
  expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  confirmedAt: null,
  onBehalfOf: false,
  user: { __typename: 'User' as const, id: 'u1', displayName: 'Wang Xiaoming' },
  reward: { __typename: 'Reward' as const, id: 'r1', title: 'Free noodles', stock: 6, status: 'ACTIVE', merchant: org('m1', 'Yulin Kitchen') },
  ...over,
});

/** The signed-in person's active memberships, as the session carries them. */
export const memberOf = (orgId: string, role: string) => ({
  memberships: [{ __typename: 'Membership' as const, id: `ms-${orgId}`, role, organization: org(orgId, 'Yulin Kitchen') }],
});

/** A GraphQL error as the API sends it. */
export const apiError = (code: string, key?: string, field?: string, message = 'refused') => ({ errors: [{ message, extensions: { code, key, field } }] });

/** A mock that records the variables it was sent. */
export function recording<T>(query: MockLink.MockedResponse['request']['query'], result: object, sent: T[], maxUsageCount = 1): MockLink.MockedResponse {
  return {
    request: { query, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      sent.push(variables as T);
      return result;
    },
    maxUsageCount,
  } as MockLink.MockedResponse;
}
