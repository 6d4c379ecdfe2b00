import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { HoursOrganizationsQuery } from '../../api/hours-organizations';
import { MyClaimsQuery } from '../../api/my-claims';
import { MyReportedServiceQuery } from '../../api/my-reported-service';
import { MyServiceQuery } from '../../api/my-service';
import { ReportServiceHoursMutation } from '../../api/report-service-hours';
import { MyShifts } from '../MyShifts';

const page = <T,>(typename: string, nodes: T[]) => ({
  __typename: `${typename}Connection` as const,
  totalCount: nodes.length,
  pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
  edges: nodes.map((node, i) => ({ __typename: `${typename}Edge` as const, cursor: String(i), node })),
});

const service = {
  request: { query: MyServiceQuery, variables: { first: 20 } },
  result: {
    data: {
      me: { __typename: 'User' as const, id: 'u1', serviceMinutes: 210, checkedInMinutes: 90, reportedMinutes: 120 },
      myServiceRecords: page('ServiceRecord', [
        {
          __typename: 'ServiceRecord' as const,
          id: 's1',
          minutes: 90,
          status: 'VERIFIED' as const,
          createdAt: '2026-11-20T04:00:00.000Z',
          verifiedAt: '2026-11-20T05:00:00.000Z',
          claim: {
            __typename: 'ShiftClaim' as const,
            id: 'c1',
            shift: { __typename: 'Shift' as const, id: 'sh1', startsAt: '2026-11-20T01:00:00.000Z', task: { __typename: 'Task' as const, id: 't1', title: 'Riverside clean-up' } },
          },
        },
      ]),
    },
  },
};

const reportedNode = (id: string, over: Record<string, unknown>) => ({
  __typename: 'ReportedServiceRecord' as const,
  id,
  minutes: 120,
  status: 'VERIFIED' as const,
  servedOn: '2026-11-18',
  description: 'Taught phone basics, paper sheet',
  decisionReason: null,
  createdAt: '2026-11-19T01:00:00.000Z',
  verifiedAt: '2026-11-19T02:00:00.000Z',
  organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null },
  task: null,
  ...over,
});
const rejected = reportedNode('r1', { minutes: 60, status: 'REJECTED', description: 'Library shelves', decisionReason: 'Not on the sheet' });
const verified = reportedNode('r2', { task: { __typename: 'Task' as const, id: 't9', title: 'Reading corner' } });
const pending = reportedNode('r3', { minutes: 75, status: 'PENDING', description: 'Health check day', verifiedAt: null, servedOn: '2026-11-24' });
const reported = (nodes: ReturnType<typeof reportedNode>[]) => ({
  request: { query: MyReportedServiceQuery, variables: { first: 20 } },
  result: { data: { myReportedService: page('ReportedServiceRecord', nodes) } },
});

const noClaims = { request: { query: MyClaimsQuery, variables: { filter: { upcoming: true }, first: 20 } }, result: { data: { myClaims: page('Claim', []) } } };
const orgs = {
  request: { query: HoursOrganizationsQuery, variables: {} },
  result: {
    data: {
      organizations: {
        __typename: 'OrganizationConnection' as const,
        edges: [{ __typename: 'OrganizationEdge' as const, node: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null, kind: 'NGO' } }],
      },
    },
  },
  maxUsageCount: 5,
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('MyShifts', () => {
  it('should show the checked-in minutes and the reported hours apart, each with where it stands', async () => {
    renderWithApp(<MyShifts />, { token: 't', mocks: [service, reported([verified, rejected]), noClaims, orgs] });
    expect(await screen.findByText('3.5 h')).toBeInTheDocument();
    expect(screen.getByText('Checked in on site: 1.5 h · reported: 2 h')).toBeInTheDocument();

    const onSite = screen.getByRole('region', { name: 'Checked in on site' });
    expect(await within(onSite).findByText('Riverside clean-up')).toBeInTheDocument();
    expect(within(onSite).getByText('90 minutes')).toBeInTheDocument();

    const mine = screen.getByRole('region', { name: 'Hours you reported' });
    expect(await within(mine).findByText('Yilin Centre · Reading corner')).toBeInTheDocument();
    const rows = within(mine).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Library shelves');
    expect(rows[1]).toHaveTextContent('Reason: Not on the sheet');
    expect(within(rows[1]).getByText('Not accepted')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Verified')).toBeInTheDocument();
    // The reported hours are not among the checked-in ones.
    expect(within(onSite).queryByText(/Library shelves|Reading corner/)).not.toBeInTheDocument();
  });

  it('should say when nothing was reported, and list a new report once sent', async () => {
    const sentReport = {
      request: { query: ReportServiceHoursMutation, variables: () => true },
      result: { data: { reportServiceHours: { __typename: 'ReportedServiceRecord' as const, id: 'r3', minutes: 75, status: 'PENDING' as const, servedOn: today(), description: 'Health check day' } } },
    };
    renderWithApp(<MyShifts />, { token: 't', mocks: [service, reported([]), noClaims, orgs, sentReport, reported([pending])] });
    const mine = screen.getByRole('region', { name: 'Hours you reported' });
    expect(await within(mine).findByText('You have not reported any hours.')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Organisation you served'));
    await userEvent.click(await screen.findByTitle('Yilin Centre'));
    await userEvent.type(screen.getByLabelText('Day served'), today());
    await userEvent.type(screen.getByLabelText('Minutes served'), '75');
    await userEvent.type(screen.getByLabelText('What you did'), 'Health check day');
    await userEvent.click(screen.getByRole('button', { name: 'Send for approval' }));

    expect(await within(mine).findByText('Health check day')).toBeInTheDocument();
    expect(within(mine).getByText('To be verified')).toBeInTheDocument();
  });
});
