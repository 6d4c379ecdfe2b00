import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { CreateTaskForm } from '../CreateTaskForm';
import { OrganizationPageQuery } from '../../api/organization';
import { RegionsQuery } from '../../../../lib/regions/regions.query';

const orgMock = {
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

async function typeDate(label: RegExp, index: number, value: string) {
  const input = screen.getAllByLabelText(label)[index];
  await userEvent.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('CreateTaskForm', () => {
  it('should check each shift before sending: start in the future, end after start, 1–1000 places', async () => {
    renderWithApp(<CreateTaskForm organizationId="o1" />, { token: 't', mocks: [orgMock, regions] });
    // Pasted: one change, not one render of the whole form per letter.
    await userEvent.click(await screen.findByLabelText('Title'));
    await userEvent.paste('Meals for neighbours');
    await typeDate(/^Starts$/, 0, '2020-01-01 10:00');
    await typeDate(/^Ends$/, 0, '2020-01-01 09:00');
    const capacity = screen.getByLabelText('Places');
    await userEvent.clear(capacity);
    await userEvent.type(capacity, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    expect(await screen.findByText('The start must be in the future')).toBeInTheDocument();
    expect(await screen.findByText('The end must be after the start')).toBeInTheDocument();
    expect(await screen.findByText('Places must be between 1 and 1000')).toBeInTheDocument();
  });

  it('should add and remove shifts', async () => {
    renderWithApp(<CreateTaskForm organizationId="o1" />, { token: 't', mocks: [orgMock, regions] });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a shift' }));
    expect(screen.getByRole('group', { name: 'Shift 2' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove shift 2' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Shift 2' })).not.toBeInTheDocument());
  });

  it('should offer a minimum age, mandatory skills and a place per shift', async () => {
    renderWithApp(<CreateTaskForm organizationId="o1" />, { token: 't', mocks: [orgMock, regions] });
    const age = await screen.findByLabelText('Minimum age (optional)');
    expect(screen.getByRole('checkbox', { name: 'Only volunteers with all these skills may claim' })).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Shift 1' })).toContainElement(screen.getByLabelText('Meeting place (optional)'));
    await userEvent.type(age, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    expect(await screen.findByText('Enter an age from 1 to 120, or leave it empty')).toBeInTheDocument();
  });
});
