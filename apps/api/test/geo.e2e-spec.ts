import { TestApi } from './support/test-api';

describe('geo', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('should list the roots, then the children of a region, with their parents', async () => {
    const r = await api.make.regions();
    const roots = (await api.ok(`{ regions { id level } }`)).regions;
    expect(roots).toContainEqual({ id: r.district.id, level: 'DISTRICT' });
    const streets = (await api.ok(`query($p: ID) { regions(parentId: $p) { id level parent { id } } }`, { p: r.district.id })).regions;
    expect(streets.map((s: any) => s.id).sort()).toEqual([r.street.id, r.otherStreet.id].sort());
    expect(streets.every((s: any) => s.level === 'STREET' && s.parent.id === r.district.id)).toBe(true);
    const grid = (await api.ok(`query($id: ID!) { region(id: $id) { name level latitude longitude parent { level parent { level parent { level parent { id } } } } children { id } } }`, { id: r.grid.id })).region;
    expect(grid).toMatchObject({ level: 'GRID', latitude: 30.6, longitude: 104, children: [], parent: { level: 'COMMUNITY', parent: { level: 'STREET', parent: { level: 'DISTRICT', parent: null } } } });
  });

  it('should answer null for an unknown id, BAD_USER_INPUT for a malformed one and an empty list for an unknown parent', async () => {
    expect((await api.ok(`{ region(id: "00000000-0000-4000-8000-000000000000") { id } }`)).region).toBeNull();
    expect((await api.fails(`{ region(id: "nonsense") { id } }`)).code).toBe('BAD_USER_INPUT');
    expect((await api.ok(`{ regions(parentId: "00000000-0000-4000-8000-000000000000") { id } }`)).regions).toEqual([]);
  });
});
