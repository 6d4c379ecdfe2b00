import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { AwardHonourMutation } from '../../api/award-honour';
import { HonourOfficesQuery } from '../../api/honour-offices';
import { MyHonoursQuery } from '../../api/my-honours';
import { AwardHonourForm } from '../AwardHonourForm';
import { MyHonours } from '../MyHonours';
import { org } from './fixtures';

const honour = { __typename: 'Honour' as const, id: 'h1', title: '优秀志愿者', reason: 'A year of Saturday mornings', awardedAt: '2026-10-01T02:00:00.000Z', awardedBy: org };

describe('MyHonours', () => {
  it('should show the star level as one sentence, the hours and each honour with who gave it', async () => {
    renderWithApp(<MyHonours />, {
      token: 't',
      mocks: [{ request: { query: MyHonoursQuery }, result: { data: { me: { __typename: 'User', id: 'u1', starLevel: 2, verifiedServiceMinutes: 20 * 60 * 18, honours: [honour] } } } }],
    });
    expect(await screen.findByRole('img', { name: '2 stars of 5' })).toBeInTheDocument();
    expect(screen.getByText('360 h of verified service')).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(list).toHaveTextContent('优秀志愿者');
    expect(list).toHaveTextContent('A year of Saturday mornings');
    expect(list).toHaveTextContent('from Yilin Community Service Centre, 1 Oct 2026');
    expect(screen.getByRole('link', { name: 'My service-record certificates' })).toHaveAttribute('href', '/certificates');
  });

  it('should say when there are no honours yet, with no stars', async () => {
    renderWithApp(<MyHonours />, { token: 't', mocks: [{ request: { query: MyHonoursQuery }, result: { data: { me: { __typename: 'User', id: 'u1', starLevel: 0, verifiedServiceMinutes: 0, honours: [] } } } }] });
    expect(await screen.findByRole('img', { name: '0 stars of 5' })).toBeInTheDocument();
    expect(screen.getByText('No honours yet.')).toBeInTheDocument();
  });
});

const adminOf = { memberships: [{ __typename: 'Membership' as const, id: 'm1', role: 'ADMIN', organization: org }] } as never;

describe('AwardHonourForm', () => {
  it('should show nothing to a coordinator who is not an admin', async () => {
    const { container, cache } = renderWithApp(<AwardHonourForm userId="u7" name="Wang Xiaoming" organizationId="o1" />, {
      token: 't',
      me: { memberships: [{ __typename: 'Membership', id: 'm1', role: 'COORDINATOR', organization: org }] } as never,
    });
    // Once the session (with the coordinator's membership) has arrived:
    await waitFor(() => expect(cache.extract()['User:u1']).toBeDefined());
    expect(container).toBeEmptyDOMElement();
  });

  it("should award an honour in the admin's organisation, after checking the fields", async () => {
    let sent: unknown;
    const award = { request: { query: AwardHonourMutation, variables: (v: unknown) => ((sent = v), true) }, result: { data: { awardHonour: { ...honour, id: 'h2' } } } };
    renderWithApp(<AwardHonourForm userId="u7" name="Wang Xiaoming" organizationId="o1" />, { token: 't', me: adminOf, mocks: [award] });
    await userEvent.click(await screen.findByRole('button', { name: 'Award Wang Xiaoming an honour' }));
    expect(screen.getByText('In the name of Yilin Community Service Centre')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Award the honour' }));
    expect(await screen.findByText('Name the honour.')).toBeInTheDocument();
    expect(screen.getByText('Say why it is awarded.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Honour'), '优秀志愿者');
    await userEvent.type(screen.getByLabelText('Reason (shown on their profile)'), 'A year of Saturday mornings');
    await userEvent.click(screen.getByRole('button', { name: 'Award the honour' }));
    expect(await screen.findByText('Wang Xiaoming has been awarded “优秀志愿者”.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { userId: 'u7', organizationId: 'o1', title: '优秀志愿者', reason: 'A year of Saturday mornings' } });
  });

  it("should let an official award in the name of their street office, choosing among several, and show the API's refusal", async () => {
    const office = (id: string, name: string) => ({ __typename: 'Budget' as const, organization: { __typename: 'Organization' as const, id, name, nameEn: null } });
    const offices = { request: { query: HonourOfficesQuery }, result: { data: { myBudgets: [office('so1', '玉林街道办事处'), office('so2', '火车南站街道办事处')] } } };
    const award = { request: { query: AwardHonourMutation, variables: { input: { userId: 'u7', organizationId: 'so1', title: 'Star', reason: 'Kind' } } }, result: { errors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] } };
    renderWithApp(<AwardHonourForm userId="u7" name="Wang Xiaoming" organizationId="o1" />, { token: 't', me: { role: 'OFFICIAL' }, mocks: [offices, award] });
    await userEvent.click(await screen.findByRole('button', { name: 'Award Wang Xiaoming an honour' }));
    expect(screen.getByLabelText('In the name of')).toBeInTheDocument();
    expect(screen.getByText('玉林街道办事处')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Honour'), 'Star');
    await userEvent.type(screen.getByLabelText('Reason (shown on their profile)'), 'Kind');
    await userEvent.click(screen.getByRole('button', { name: 'Award the honour' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(within(screen.getByRole('region', { name: 'Honour Wang Xiaoming' })).getByRole('button', { name: 'Award the honour' })).toBeInTheDocument();
  });
});
