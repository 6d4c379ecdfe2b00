import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { HoursOrganizationsQuery } from '../../api/hours-organizations';
import { ReportServiceHoursMutation } from '../../api/report-service-hours';
import { ReportHoursForm } from '../ReportHoursForm';

const orgs = {
  request: { query: HoursOrganizationsQuery, variables: {} },
  result: {
    data: {
      organizations: {
        __typename: 'OrganizationConnection' as const,
        edges: [
          { __typename: 'OrganizationEdge' as const, node: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null, kind: 'NGO' } },
          { __typename: 'OrganizationEdge' as const, node: { __typename: 'Organization' as const, id: 'o2', name: 'Water Department', nameEn: null, kind: 'DEPARTMENT' } },
        ],
      },
    },
  },
  maxUsageCount: 5,
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function fill(date: string) {
  await userEvent.click(await screen.findByLabelText('Organisation you served'));
  await userEvent.click(await screen.findByTitle('Yilin Centre'));
  await userEvent.type(screen.getByLabelText('Day served'), date);
  await userEvent.type(screen.getByLabelText('Minutes served'), '90');
  await userEvent.type(screen.getByLabelText('What you did'), 'Taught phone basics');
}

describe('ReportHoursForm', () => {
  it('should send a report for approval and say so', async () => {
    let sent: unknown;
    const reported = {
      request: { query: ReportServiceHoursMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { reportServiceHours: { __typename: 'ReportedServiceRecord' as const, id: 'r1', minutes: 90, status: 'PENDING', servedOn: today(), description: 'Taught phone basics' } } },
    };
    renderWithApp(<ReportHoursForm />, { token: 't', mocks: [orgs, reported] });
    await fill(today());
    // Departments take no volunteers: not offered.
    expect(screen.queryByTitle('Water Department')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send for approval' }));
    expect(await screen.findByText('Sent. The organisation will approve or reject it; you will be told.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { organizationId: 'o1', date: today(), minutes: 90, description: 'Taught phone basics' } });
  });

  it('should refuse a day in the future before sending, and show the API’s refusal next to its field', async () => {
    const refused = {
      request: { query: ReportServiceHoursMutation, variables: () => true },
      result: { errors: [{ message: 'Too many', extensions: { code: 'CONFLICT', key: 'service.tooManyPending' } }] },
    };
    renderWithApp(<ReportHoursForm />, { token: 't', mocks: [orgs, refused] });
    await fill('2999-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Send for approval' }));
    expect(await screen.findByText('Choose a day between today and 365 days ago')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Day served'));
    await userEvent.type(screen.getByLabelText('Day served'), today());
    await userEvent.click(screen.getByRole('button', { name: 'Send for approval' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Several of your reports still await a decision'));
  });
});
