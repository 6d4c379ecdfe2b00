import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { RegionsAdmin } from '../RegionsAdmin';
import { AdminRegionChildrenQuery, AdminRegionRootsQuery } from '../../api/admin-regions';
import { CreateRegionMutation } from '../../api/create-region';
import { UpdateRegionMutation } from '../../api/update-region';
import { RegionsQuery } from '../../../../lib/regions';

const region = (id: string, code: string, name: string, nameEn: string | null, level: string, parentId: string | null) => ({
  __typename: 'Region' as const,
  id,
  code,
  name,
  nameEn,
  level,
  latitude: 30.642,
  longitude: 104.043,
  parent: parentId ? { __typename: 'Region' as const, id: parentId } : null,
});
const district = region('d1', '510107000000', '武侯区', 'Wuhou District', 'DISTRICT', null);
const street = { ...region('s1', '510107004000', '簇桥街道', null, 'STREET', 'd1'), latitude: null, longitude: null };

const roots = { request: { query: AdminRegionRootsQuery }, result: { data: { regions: [district] } } };
const admin = { token: 't', me: { role: 'ADMIN' as const } };
const childrenOf = (parentId: string | null, rows: object[]) => ({ request: { query: AdminRegionChildrenQuery, variables: { parentId } }, result: { data: { regions: rows } } });
const createStreet = (result: object) => ({
  request: { query: CreateRegionMutation, variables: { input: { code: '510107004000', parentId: 'd1', level: 'STREET', name: '簇桥街道', nameEn: null, latitude: null, longitude: null } } },
  result,
});

async function chooseDistrict() {
  await userEvent.click(await screen.findByText('Wuhou District · 510107000000'));
  return screen.getByRole('region', { name: 'Add a Street under Wuhou District' });
}

async function addStreet(form: HTMLElement) {
  await userEvent.type(within(form).getByLabelText('Code'), '510107004000');
  await userEvent.type(within(form).getByLabelText('Name (Chinese)'), '簇桥街道');
  await userEvent.click(within(form).getByRole('button', { name: 'Add the Street' }));
}

describe('RegionsAdmin', () => {
  it('should show the tree to an administrator and add a street under the chosen district', async () => {
    renderWithApp(<RegionsAdmin />, { ...admin, mocks: [roots, createStreet({ data: { createRegion: street } }), childrenOf('d1', [street])] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Regions' })).toBeInTheDocument();
    const form = await chooseDistrict();
    expect(screen.getByRole('heading', { level: 2, name: 'Wuhou District' })).toBeInTheDocument();
    expect(screen.getByText('510107000000', { selector: 'code' })).toBeInTheDocument();
    await addStreet(form);
    expect(await within(form).findByText('簇桥街道 was added.')).toBeInTheDocument();
    expect(await screen.findByText('簇桥街道 · 510107004000')).toBeInTheDocument();
  });

  it('should put a refused code next to the code field', async () => {
    const refused = createStreet({ errors: [new GraphQLError('A STREET code has 12 digits', { extensions: { code: 'BAD_USER_INPUT', key: 'region.codeFormat', field: 'code' } })] });
    renderWithApp(<RegionsAdmin />, { ...admin, mocks: [roots, refused] });
    const form = await chooseDistrict();
    await addStreet(form);
    const message = await within(form).findByText('The code does not have the form of its level: 12 digits for a district, street or community, 15 for a grid.');
    expect(within(form).getByLabelText('Code').closest('.ant-form-item')).toContainElement(message);
  });

  it('should rename the chosen region, and show a code in use next to the code field', async () => {
    const rename = {
      request: { query: UpdateRegionMutation, variables: { input: { id: 'd1', name: '武侯', nameEn: 'Wuhou District', latitude: 30.642, longitude: 104.043 } } },
      result: { data: { updateRegion: { ...district, name: '武侯' } } },
    };
    const taken = createStreet({ errors: [new GraphQLError('taken', { extensions: { code: 'CONFLICT', key: 'region.codeTaken', field: 'code' } })] });
    renderWithApp(<RegionsAdmin />, { ...admin, mocks: [roots, rename, childrenOf(null, [{ ...district, name: '武侯' }]), taken] });
    await chooseDistrict();
    const edit = screen.getByRole('region', { name: 'Name and centre' });
    const name = within(edit).getByLabelText('Name (Chinese)');
    await userEvent.clear(name);
    await userEvent.type(name, '武侯');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save Wuhou District' }));
    expect(await within(edit).findByText('Saved.')).toBeInTheDocument();
    const form = screen.getByRole('region', { name: 'Add a Street under Wuhou District' });
    await addStreet(form);
    expect(await within(form).findByText('Another region has this code already.')).toBeInTheDocument();
  });

  it('should move a street under another district, showing a refusal by the new-parent field', async () => {
    const other = region('d2', '510104000000', '锦江区', 'Jinjiang District', 'DISTRICT', null);
    const cascade = (parentId: string | null, rows: object[]) => ({ request: { query: RegionsQuery, variables: { parentId } }, result: { data: { regions: rows } }, maxUsageCount: 3 });
    const move = (result: object) => ({ request: { query: UpdateRegionMutation, variables: { input: { id: 's1', parentId: 'd2' } } }, result });
    const refused = move({ errors: [new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT', key: 'region.moveIntoOwnSubtree', field: 'parentId' } })] });
    const moved = move({ data: { updateRegion: { ...street, parent: { __typename: 'Region', id: 'd2' } } } });
    renderWithApp(<RegionsAdmin />, {
      ...admin,
      mocks: [
        { ...roots, result: { data: { regions: [district, other] } } },
        childrenOf('d1', [street]),
        cascade(null, [{ __typename: 'Region', id: 'd1', name: '武侯区', nameEn: 'Wuhou District', level: 'DISTRICT' }, { __typename: 'Region', id: 'd2', name: '锦江区', nameEn: 'Jinjiang District', level: 'DISTRICT' }]),
        cascade('d2', []),
        refused,
        moved,
        childrenOf('d1', []),
        childrenOf('d2', [{ ...street, parent: { __typename: 'Region', id: 'd2' } }]),
      ],
    });
    const districtNode = (await screen.findByText('Wuhou District · 510107000000')).closest('[role="treeitem"]') as HTMLElement;
    await userEvent.click(districtNode.querySelector('.ant-tree-switcher') as HTMLElement);
    await userEvent.click(await screen.findByText('簇桥街道 · 510107004000'));
    const form = screen.getByRole('region', { name: 'Move under another District' });
    await userEvent.click(within(form).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('Jinjiang District'));
    await userEvent.click(within(form).getByRole('button', { name: 'Move 簇桥街道' }));
    const message = await within(form).findByText('A region cannot move under itself or a region below it.');
    expect(within(form).getByLabelText('New parent').closest('.ant-form-item')).toContainElement(message);
    await userEvent.click(within(form).getByRole('button', { name: 'Move 簇桥街道' }));
    expect(await screen.findByText('簇桥街道 has moved, with everything below it.')).toBeInTheDocument();
  });

  it('should offer no district a move, and tell someone who is not an administrator that the page is not for them', async () => {
    const view = renderWithApp(<RegionsAdmin />, { ...admin, mocks: [roots] });
    await chooseDistrict();
    expect(screen.queryByRole('region', { name: /^Move under/ })).toBeNull();
    view.unmount();
    renderWithApp(<RegionsAdmin />, { token: 't', me: { role: 'OFFICIAL' } });
    expect(await screen.findByText('This page is for administrators.')).toBeInTheDocument();
    expect(screen.queryByRole('tree')).toBeNull();
  });
});
