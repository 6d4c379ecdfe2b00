export const org = { __typename: 'Organization' as const, id: 'o1', name: '益邻社区服务中心', nameEn: 'Yilin Community Service Centre' };

export const cert = (over: Record<string, unknown> = {}) => ({
  __typename: 'ServiceCertificate' as const,
  id: 'c1',
  serial: null,
  status: 'REQUESTED',
  minutes: 600,
  checkedInMinutes: 480,
  reportedMinutes: 120,
  periodFrom: '2026-01-01T00:00:00.000Z',
  periodTo: '2026-06-30T00:00:00.000Z',
  requestedAt: '2026-11-20T02:00:00.000Z',
  decidedAt: null,
  issuedAt: null,
  publicityEndsAt: null,
  reason: null,
  organization: org,
  ...over,
});

export const certConnection = (nodes: unknown[], hasNextPage = false) => ({
  __typename: 'ServiceCertificateConnection' as const,
  totalCount: nodes.length,
  edges: nodes.map((node, i) => ({ __typename: 'ServiceCertificateEdge' as const, cursor: `c${i}`, node })),
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: nodes.length ? `c${nodes.length - 1}` : null },
});
