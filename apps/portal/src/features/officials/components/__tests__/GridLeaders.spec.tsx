import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { RegionsQuery } from '../../../../lib/regions';
import { GridLeaders } from '../GridLeaders';
import { GridLeadersQuery } from '../../api/grid-leaders';
import { AppointGridLeaderMutation, RemoveGridLeaderMutation } from '../../api/appoint-grid-leader';
import { FindPersonQuery } from '../../api/find-person';

const node = (id: string, name: string, level: string) => ({ __typename: 'Region' as const, id, name, nameEn: null, level });
const level = (parentId: string | null, rows: object[]) => ({ request: { query: RegionsQuery, variables: { parentId } }, result: { data: { regions: rows } }, maxUsageCount: 3 });
const TREE = [
  level(null, [node('d1', '武侯区', 'DISTRICT')]),
  level('d1', [node('s1', '玉林街道', 'STREET')]),
  level('s1', [node('c1', '玉林北路社区', 'COMMUNITY')]),
  level('c1', [node('g1', '玉林北路社区第1网格', 'GRID')]),
];
const leader = { __typename: 'User' as const, id: 'u9', displayName: '李秀英', phone: '138****0002' };
const leaders = (rows: object[]) => ({
  request: { query: GridLeadersQuery, variables: { id: 'g1' } },
  result: { data: { region: { ...node('g1', '玉林北路社区第1网格', 'GRID'), gridLeaders: rows } } },
});
const input = (userId: string) => ({ input: { regionId: 'g1', userId } });

async function chooseGrid() {
  await userEvent.click(screen.getByRole('combobox'));
  for (const name of ['武侯区', '玉林街道', '玉林北路社区', '玉林北路社区第1网格']) await userEvent.click(await screen.findByTitle(name));
}

describe('GridLeaders', () => {
  it("should list a grid's leaders and remove one", async () => {
    const removed = { request: { query: RemoveGridLeaderMutation, variables: input('u9') }, result: { data: { removeGridLeader: { ...leader, leadsGrid: null } } } };
    renderWithApp(<GridLeaders />, { token: 't', mocks: [...TREE, leaders([leader]), removed, leaders([])] });
    await chooseGrid();
    expect(await screen.findByRole('heading', { name: 'Grid leaders of 玉林北路社区第1网格' })).toBeInTheDocument();
    expect(screen.getByText('138****0002')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove 李秀英' }));
    expect(await screen.findByText('李秀英 is no longer a grid leader.')).toBeInTheDocument();
    expect(await screen.findByText('This grid has no grid leader yet.')).toBeInTheDocument();
  });

  it('should find the person by phone and appoint them, and show a refusal next to the phone', async () => {
    const person = { __typename: 'User' as const, id: 'u7', displayName: '王小明', phone: '138****0001' };
    const find = { request: { query: FindPersonQuery, variables: { phone: '13800000001' } }, result: { data: { userByPhone: person } }, maxUsageCount: 2 };
    const appointed = { request: { query: AppointGridLeaderMutation, variables: input('u7') }, result: { data: { appointGridLeader: { ...person, leadsGrid: { __typename: 'Region', id: 'g1' } } } } };
    const refused = {
      request: { query: AppointGridLeaderMutation, variables: input('u7') },
      result: { errors: [new GraphQLError('leads another grid', { extensions: { code: 'CONFLICT', key: 'gridLeader.leadsAnother', field: 'userId' } })] },
    };
    renderWithApp(<GridLeaders />, { token: 't', mocks: [...TREE, leaders([]), find, refused, appointed, leaders([person])] });
    await chooseGrid();
    const phone = await screen.findByLabelText('Mobile number of the person to appoint');
    await userEvent.type(phone, '13800000001');
    await userEvent.click(screen.getByRole('button', { name: 'Appoint as grid leader' }));
    const message = await screen.findByText('This person leads another grid. Remove them there first.');
    expect(phone.closest('.ant-form-item')).toContainElement(message);
    await userEvent.click(screen.getByRole('button', { name: 'Appoint as grid leader' }));
    expect(await screen.findByText('王小明 is now a grid leader of 玉林北路社区第1网格.')).toBeInTheDocument();
    expect(await within(screen.getByRole('list')).findByText('王小明')).toBeInTheDocument();
  });
});
