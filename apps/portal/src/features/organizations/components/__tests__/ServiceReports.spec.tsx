import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { PendingServiceReportsQuery } from '../../api/pending-service-reports';
import { DecideReportedServiceMutation } from '../../api/decide-reported-service';
import { RecordServiceHoursMutation } from '../../api/record-service-hours';
import { FindVolunteerByPhoneQuery } from '../../api/find-volunteer';
import { ServiceReports } from '../ServiceReports';
import { RecordHoursForm } from '../RecordHoursForm';

const report = (id: string, name: string, over: Record<string, unknown> = {}) => ({
  __typename: 'ReportedServiceRecord' as const,
  id,
  minutes: 90,
  status: 'PENDING' as const,
  servedOn: '2026-12-01',
  description: 'Taught phone basics at the centre',
  createdAt: '2026-12-02T01:00:00.000Z',
  volunteer: { __typename: 'User' as const, id: `u-${id}`, displayName: name, phone: '138****5678' },
  reportedBy: { __typename: 'User' as const, id: `u-${id}`, displayName: name },
  task: null,
  ...over,
});
const listMock = (reports: ReturnType<typeof report>[]) => ({
  request: { query: PendingServiceReportsQuery, variables: { id: 'o1', first: 20 } },
  result: {
    data: {
      organization: {
        __typename: 'Organization' as const,
        id: 'o1',
        pendingServiceReports: {
          __typename: 'ReportedServiceRecordConnection' as const,
          totalCount: reports.length,
          pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
          edges: reports.map((r) => ({ __typename: 'ReportedServiceRecordEdge' as const, cursor: r.id, node: r })),
        },
      },
    },
  },
});

describe('ServiceReports', () => {
  it('should approve a report, and ask why before rejecting one', async () => {
    let sent: unknown[] = [];
    const decided = (id: string, status: string) => ({
      request: { query: DecideReportedServiceMutation, variables: (v: unknown) => ((sent = [...sent, v]), true) },
      result: { data: { decideReportedService: { __typename: 'ReportedServiceRecord' as const, id, status, verifiedAt: '2026-12-02T02:00:00.000Z', decisionReason: null } } },
    });
    renderWithApp(<ServiceReports organizationId="o1" selfId="me" />, {
      token: 't',
      mocks: [listMock([report('r1', 'Li Na'), report('r2', 'Zhao Lei')]), decided('r1', 'VERIFIED'), listMock([report('r2', 'Zhao Lei')]), decided('r2', 'REJECTED'), listMock([])],
    });
    expect(await screen.findByText('2 reports waiting')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Approve Li Na's hours" }));
    // Approved hours are final: asked once more, saying so.
    const dialog = await screen.findByRole('dialog', { name: /^Approve \d+ minutes for Li Na\?$/ });
    expect(dialog).toHaveTextContent('This cannot be undone');
    expect(sent).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Approve the hours' }));
    expect(await screen.findByText('1 report waiting')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Reject Zhao Lei's hours" }));
    expect(await screen.findByText('Say why, to reject')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    await userEvent.type(screen.getByLabelText('Reason for Zhao Lei'), 'Not on the sheet');
    await userEvent.click(screen.getByRole('button', { name: "Reject Zhao Lei's hours" }));
    expect(await screen.findByText('No reports are waiting.')).toBeInTheDocument();
    expect(sent).toEqual([{ input: { serviceRecordId: 'r1', approve: true } }, { input: { serviceRecordId: 'r2', approve: false, reason: 'Not on the sheet' } }]);
  });

  it('should not offer a decision on a report of my own, or one I sent', async () => {
    renderWithApp(<ServiceReports organizationId="o1" selfId="u-r1" />, { token: 't', mocks: [listMock([report('r1', 'Me myself')])] });
    expect(await screen.findByText('Another coordinator decides this report: it is yours, or you sent it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
  });
});

describe('RecordHoursForm', () => {
  it('should find the volunteer by phone and record their hours', async () => {
    const found = { request: { query: FindVolunteerByPhoneQuery, variables: { phone: '13800000001' } }, result: { data: { userByPhone: { __typename: 'User' as const, id: 'v1', displayName: 'Li Na', phone: '138****0001' } } } };
    let sent: unknown;
    const recorded = {
      request: { query: RecordServiceHoursMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { recordServiceHours: { __typename: 'ReportedServiceRecord' as const, id: 'r9', source: 'REPORTED', minutes: 120, status: 'VERIFIED', servedOn: '2026-12-01', volunteer: { __typename: 'User' as const, id: 'v1', displayName: 'Li Na' } } } },
    };
    renderWithApp(<RecordHoursForm organizationId="o1" selfId="me" />, { token: 't', mocks: [found, recorded] });
    await userEvent.type(screen.getByLabelText("Volunteer's mobile number"), '13800000001');
    await userEvent.click(screen.getByRole('button', { name: 'Find the volunteer' }));
    expect(await screen.findByText('For Li Na (138****0001)')).toBeInTheDocument();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await userEvent.type(screen.getByLabelText('Day served'), today);
    await userEvent.type(screen.getByLabelText('Minutes served'), '120');
    await userEvent.type(screen.getByLabelText('What you did'), 'Cleaned the riverside, paper sheet');
    await userEvent.click(screen.getByRole('button', { name: 'Record the hours of Li Na' }));
    expect(await screen.findByText('Recorded 120 minutes for Li Na.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { organizationId: 'o1', volunteerId: 'v1', date: today, minutes: 120, description: 'Cleaned the riverside, paper sheet' } });
  });

  it('should say when nobody has the number', async () => {
    const missing = { request: { query: FindVolunteerByPhoneQuery, variables: { phone: '13800000009' } }, result: { data: { userByPhone: null } } };
    renderWithApp(<RecordHoursForm organizationId="o1" />, { token: 't', mocks: [missing] });
    await userEvent.type(screen.getByLabelText("Volunteer's mobile number"), '13800000009{Enter}');
    expect(await screen.findByText('Nobody has signed up with this number.')).toBeInTheDocument();
  });
});
