import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RegionImportError, RegionImportProblem, RegionsAdminService } from '@civicgrid/geo';
import { RequestContext } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { SIGN_UP_CONSENT, TestRegions, TestUser } from './support/factories';

const ROOT = resolve(__dirname, '../../..');
const SAMPLE = join(ROOT, 'tools/admin/samples/regions-wuhou.csv');
const HOUR = 3_600_000;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken user { id role } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const CREATE_REGION = `mutation($input: CreateRegionInput!) { createRegion(input: $input) { id code level name nameEn latitude longitude parent { id } } }`;
const UPDATE_REGION = `mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { id name nameEn latitude longitude parent { id } } }`;
const APPOINT = `mutation($input: GridLeaderInput!) { appointGridLeader(input: $input) { id leadsGrid { id } } }`;
const REMOVE = `mutation($input: GridLeaderInput!) { removeGridLeader(input: $input) { id leadsGrid { id } } }`;
const PUBLISH_NEED = `mutation($input: PublishNeedInput!) { publishNeed(input: $input) { id onBehalfOf { id } } }`;
const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { id verified } }`;

/** The sample file with its codes moved to another county, so each test imports a district of its own. */
function sampleIn(county: string): string {
  return readFileSync(SAMPLE, 'utf8').replaceAll('510107', county);
}

/** The admin command line itself, as `npm run admin -- …` runs it, against the test's database. */
function adminCli(databaseUrl: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', './tools/testing/register-ts.cjs', 'tools/admin/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TS_NODE_PROJECT: 'tools/admin/tsconfig.json', LOG_LEVEL: 'warn', JWT_SECRET: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Every region's path is its parent's and its own id; every copy of a path equals its region's. */
async function pathsHold(api: TestApi): Promise<Record<string, number>> {
  const [row] = await api.sql(`
    SELECT (SELECT count(*)::int FROM region r LEFT JOIN region p ON p.id = r.parent_id WHERE r.path <> COALESCE(p.path, '') || '/' || r.id) AS regions,
           (SELECT count(*)::int FROM task t JOIN region r ON r.id = t.region_id WHERE t.region_path <> r.path) AS tasks,
           (SELECT count(*)::int FROM need n JOIN region r ON r.id = n.region_id WHERE n.region_path <> r.path) AS needs,
           (SELECT count(*)::int FROM alliance a JOIN region r ON r.id = a.region_id WHERE a.region_path <> r.path) AS alliances,
           (SELECT count(*)::int FROM shift s JOIN task t ON t.id = s.task_id WHERE s.board_path IS DISTINCT FROM CASE WHEN t.status = 'PUBLISHED' THEN t.region_path END) AS shifts`);
  return row;
}

const regionTable = async (api: TestApi): Promise<string> =>
  (await api.sql<{ h: string }>(`SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r.id)), '') AS h FROM region r`))[0].h;

describe('installation', () => {
  // One API for the file (one per process: contexts register their notification kinds once);
  // the installation from nothing runs first, on the empty database.
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ demoData: false });
  });
  afterAll(async () => {
    await api.close();
  });

  describe('from nothing', () => {
    it('should set up a real installation with the admin command line: regions, an administrator, an official, a verified organisation, a published task, a claim', async () => {
      expect(await api.sql(`SELECT (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM user_account) AS people`)).toEqual([{ regions: 0, people: 0 }]);
      const databaseUrl = api.running.settings.databaseUrl!;

      const imported = await adminCli(databaseUrl, ['import-regions', SAMPLE]);
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toContain('created 43, updated 0, unchanged 0');

      // A file with a problem is refused whole, naming its line, and the command says so in its exit code.
      const bad = join(mkdtempSync(join(tmpdir(), 'civicgrid-regions-')), 'bad.csv');
      writeFileSync(bad, readFileSync(SAMPLE, 'utf8').replace('510107001001002,510107001001,', '510107001001002,510107009009,'));
      const badImport = await adminCli(databaseUrl, ['import-regions', bad]);
      expect(badImport.code).toBe(1);
      expect(badImport.stderr).toContain('line 6, column parent_code: unknown parent 510107009009');

      const phone = '13912340001';
      const created = await adminCli(databaseUrl, ['create-admin', '--phone', phone, '--name', '系统管理员'], 'first-admin-password\n');
      expect(created).toMatchObject({ code: 0, stderr: '' });
      expect(created.stdout).toContain('administrator 系统管理员 (139****0001) created');
      const again = await adminCli(databaseUrl, ['create-admin', '--phone', phone, '--name', '另一个'], 'another-password\n');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('This phone number is already registered (role ADMIN)');
      expect(await api.sql(`SELECT display_name, role FROM user_account`)).toEqual([{ display_name: '系统管理员', role: 'ADMIN' }]);
      const audit = await api.sql(`SELECT action, actor_user_id FROM audit_entry WHERE action IN ('admin.create', 'region.import') ORDER BY id`);
      expect(audit).toEqual([
        { action: 'region.import', actor_user_id: null },
        { action: 'admin.create', actor_user_id: null },
      ]);

      // The tree as the portal reads it.
      const { regions } = await api.ok(`{ regions { id code name children { id code name } } }`);
      expect(regions).toHaveLength(1);
      expect(regions[0]).toMatchObject({ code: '510107000000', name: '武侯区' });
      const yulin = regions[0].children.find((c: { code: string }) => c.code === '510107001000');
      const { region: community } = await api.ok(`query($id: ID!) { region(id: $id) { children { id code children { id code } } } }`, { id: yulin.id });
      const grid = community.children[0].children[0];
      expect(grid.code).toBe('510107001001001');

      // The administrator signs in and names the first official, over the street.
      const admin = (await api.ok(LOGIN, { input: { phone, password: 'first-admin-password' } })).login;
      expect(admin.user.role).toBe('ADMIN');
      const official = (await api.ok(REGISTER, { input: { phone: '13912340002', password: 'official-password', displayName: '周敏', consent: SIGN_UP_CONSENT } })).register;
      const { assignOfficial } = await api.ok(
        `mutation($input: AssignOfficialInput!) { assignOfficial(input: $input) { title region { id } user { id role } } }`,
        { input: { userId: official.user.id, regionId: yulin.id, title: '玉林街道办事处副主任' } },
        admin.accessToken,
      );
      expect(assignOfficial).toEqual({ title: '玉林街道办事处副主任', region: { id: yulin.id }, user: { id: official.user.id, role: 'OFFICIAL' } });

      // A resident founds an NGO in a grid; the official verifies it.
      const founder = (await api.ok(REGISTER, { input: { phone: '13912340003', password: 'founder-password', displayName: '陈静', homeRegionId: grid.id, consent: SIGN_UP_CONSENT } })).register;
      const org = (await api.ok(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id verified } }`, { input: { name: '益邻社区服务中心', kind: 'NGO', regionId: grid.id } }, founder.accessToken)).createOrganization;
      expect(org.verified).toBe(false);
      expect((await api.ok(VERIFY, { id: org.id }, official.accessToken)).verifyOrganization).toEqual({ id: org.id, verified: true });

      // The organisation publishes a task; a volunteer claims its shift.
      const startsAt = new Date(Date.now() + 24 * HOUR).toISOString();
      const endsAt = new Date(Date.now() + 26 * HOUR).toISOString();
      const task = (
        await api.ok(
          `mutation($input: CreateTaskInput!) { createTask(input: $input) { id shifts { id } } }`,
          { input: { organizationId: org.id, regionId: grid.id, title: '为独居老人送午餐', category: 'ELDER_CARE', shifts: [{ startsAt, endsAt, capacity: 2 }] } },
          founder.accessToken,
        )
      ).createTask;
      await api.ok(`mutation($id: ID!) { publishTask(id: $id) { id status } }`, { id: task.id }, founder.accessToken);
      const volunteer = (await api.ok(REGISTER, { input: { phone: '13912340004', password: 'volunteer-password', displayName: '王小明', homeRegionId: grid.id, consent: SIGN_UP_CONSENT } })).register;
      const { openShifts } = await api.ok(`query($r: ID) { openShifts(filter: { regionId: $r }) { edges { node { id } } } }`, { r: yulin.id });
      expect(openShifts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([task.shifts[0].id]);
      const claim = (await api.ok(`mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`, { input: { shiftId: task.shifts[0].id } }, volunteer.accessToken)).claimShift;
      expect(claim.status).toBe('CONFIRMED');
      expect(await pathsHold(api)).toEqual({ regions: 0, tasks: 0, needs: 0, alliances: 0, shifts: 0 });
    });
  });

  describe('on a running installation', () => {
    let admin: TestUser;
    let importer: RegionsAdminService;
    const system = () => RequestContext.system();
    beforeAll(async () => {
      admin = await api.make.user({ role: 'ADMIN', displayName: 'Installer' });
      importer = api.get(RegionsAdminService);
    });

    /** The problems of a file the import refuses, after checking it wrote nothing. */
    const refused = async (csv: string): Promise<RegionImportProblem[]> => {
      const before = await regionTable(api);
      const err = await importer.importCsv(system(), csv).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RegionImportError);
      expect(await regionTable(api)).toBe(before);
      return (err as RegionImportError).problems;
    };

    describe('import-regions', () => {
      const HEADER = 'code,parent_code,name,level,latitude,longitude';
      // A district of its own for the refusals: 410102 (Zhongyuan District, Zhengzhou).
      beforeAll(async () => {
        await importer.importCsv(system(), `${HEADER}\n410102000000,,中原区,DISTRICT,34.75,113.61\n410102001000,410102000000,林山寨街道,STREET,34.75,113.6\n`);
      });

      it.each<[string, string, Partial<RegionImportProblem>[]]>([
        ['an unknown parent', `410102002001,410102002000,新社区,COMMUNITY,34.7,113.6`, [{ line: 2, column: 'parent_code' }]],
        ['a level that is not one below the parent', `410102001001001,410102001000,错层网格,GRID,34.7,113.6`, [{ line: 2, column: 'level' }]],
        ['a code given twice', `410102002000,410102000000,街道甲,STREET,34.7,113.6\n410102002000,410102000000,街道乙,STREET,34.7,113.6`, [{ line: 3, column: 'code' }]],
        ['a code of the wrong length', `41010200200,410102000000,短码街道,STREET,34.7,113.6`, [{ line: 2, column: 'code' }]],
        ['a street code with a community part', `410102002001,410102000000,错码街道,STREET,34.7,113.6`, [{ line: 2, column: 'code' }]],
        ['a new code outside its parent', `410103002000,410102000000,别区街道,STREET,34.7,113.6`, [{ line: 2, column: 'code' }]],
        ['a latitude out of range', `410102002000,410102000000,北极街道,STREET,91,113.6`, [{ line: 2, column: 'latitude' }]],
        ['a longitude that is no number', `410102002000,410102000000,某街道,STREET,34.7,东经113`, [{ line: 2, column: 'longitude' }]],
        ['a latitude without a longitude', `410102002000,410102000000,某街道,STREET,34.7,`, [{ line: 2, column: 'longitude' }]],
        ['an unknown level', `410102002000,410102000000,某村,VILLAGE,34.7,113.6`, [{ line: 2, column: 'level' }]],
        ['a street without a parent', `410102002000,,孤街道,STREET,34.7,113.6`, [{ line: 2, column: 'parent_code' }]],
        ['a district with a parent', `410103000000,410102000000,二七区,DISTRICT,34.7,113.6`, [{ line: 2, column: 'parent_code' }]],
        // Each level's codes have a form of their own, so a region cannot change level by import.
        ["a street's code given as a community", `410102001000,410102000000,林山寨社区,COMMUNITY,34.75,113.6`, [{ line: 2, column: 'code' }]],
        ['an empty name', `410102002000,410102000000,,STREET,34.7,113.6`, [{ line: 2, column: 'name' }]],
        ['a line with a field missing', `410102002000,410102000000,少一列,STREET,34.7`, [{ line: 2 }]],
      ])('should refuse %s, naming the line and column, and import nothing', async (_label, lines, expected) => {
        const problems = await refused(`${HEADER}\n${lines}\n`);
        expect(problems).toEqual(expected.map((p) => expect.objectContaining(p)));
      });

      it('should refuse a whole file for one bad line among good ones, listing every problem with its line', async () => {
        const problems = await refused(
          [HEADER, '410102002000,410102000000,好街道,STREET,34.7,113.6', '410102002001,410102002000,好社区,COMMUNITY,34.7,113.6', '410102002001001,410102002001,坏网格,GRID,34.7,200', '', '4101020020010x2,410102002001,坏码网格,GRID,34.7,113.6'].join('\n'),
        );
        expect(problems).toEqual([
          { line: 4, column: 'longitude', message: expect.stringContaining('longitude') },
          { line: 6, column: 'code', message: expect.stringContaining('15 digits') },
        ]);
        expect(await api.sql(`SELECT count(*)::int AS n FROM region WHERE code LIKE '410102002%'`)).toEqual([{ n: 0 }]);
      });

      it.each<[string, string, Partial<RegionImportProblem>]>([
        ['no header', '410102002000,410102000000,街道,STREET,34.7,113.6\n', { line: 1, column: 'code' }],
        ['an unknown column', `${HEADER},population\n410102002000,410102000000,街道,STREET,34.7,113.6,1000\n`, { line: 1, column: 'population' }],
        ['a header only', `${HEADER}\n`, { line: 1 }],
        ['nothing at all', '', { line: 1 }],
      ])('should refuse a file with %s', async (_label, csv, expected) => {
        expect((await refused(csv))[0]).toMatchObject(expected);
      });

      it('should import the sample, then again changing nothing, then rename, relocate and move with every copy of the paths following', async () => {
        const csv = sampleIn('510104');
        expect(await importer.importCsv(system(), csv)).toEqual({ created: 43, updated: 0, unchanged: 0, moved: 0 });
        expect(await importer.importCsv(system(), csv)).toEqual({ created: 0, updated: 0, unchanged: 43, moved: 0 });
        const ids = Object.fromEntries((await api.sql<{ code: string; id: string; path: string }>(`SELECT code, id, path FROM region WHERE code LIKE '510104%'`)).map((r) => [r.code, r]));
        expect(Object.keys(ids)).toHaveLength(43);

        // Things copying a path, in the community about to move: a published task with a shift, a need, an alliance.
        const grid = ids['510104001001002'];
        const coordinator = await api.make.user();
        const orgId = await api.make.organization(grid.id, [[coordinator, 'COORDINATOR']]);
        const task = await api.make.task(orgId, grid);
        const poster = await api.make.user({ homeRegionId: grid.id });
        // The copy is the region's own, whatever the writer passes.
        await api.sql(`INSERT INTO need (title, description, category, region_id, region_path, posted_by_id) VALUES ('灯坏了', '楼道灯不亮', 'SAFETY', $1, 'stale', $2)`, [grid.id, poster.id]);
        await api.sql(`INSERT INTO alliance (name, region_id, region_path, charter, pledge_options, steward_id) VALUES ('商家联盟', $1, 'stale', '章程', '{WASTE_SORTING}', $2)`, [ids['510104001001'].id, orgId]);
        expect(await pathsHold(api)).toEqual({ regions: 0, tasks: 0, needs: 0, alliances: 0, shifts: 0 });

        // 玉林北路社区 (001001) moves to the second street; a grid is renamed; the district's centre moves.
        const moved = csv
          .replace('510104001001,510104001000,', '510104001001,510104002000,')
          .replace('玉林北路社区第2网格,GRID', '玉林北路社区第二网格,GRID')
          .replace('510104000000,,武侯区,DISTRICT,30.642,104.043', '510104000000,,武侯区,DISTRICT,30.65,104.05');
        expect(await importer.importCsv(system(), moved)).toEqual({ created: 0, updated: 3, unchanged: 40, moved: 1 });
        expect(await importer.importCsv(system(), moved)).toEqual({ created: 0, updated: 0, unchanged: 43, moved: 0 });

        const street2 = ids['510104002000'];
        const community = ids['510104001001'];
        const [after] = await api.sql(`SELECT path FROM region WHERE id = $1`, [grid.id]);
        expect(after.path).toBe(`${street2.path}/${community.id}/${grid.id}`);
        expect(await pathsHold(api)).toEqual({ regions: 0, tasks: 0, needs: 0, alliances: 0, shifts: 0 });
        expect(await api.sql(`SELECT count(*)::int AS n FROM region WHERE code LIKE '510104%'`)).toEqual([{ n: 43 }]);

        // What the API shows next: the tree, the renamed grid, the board of the new street.
        const { region } = await api.ok(`query($id: ID!) { region(id: $id) { name parent { parent { id } } } }`, { id: grid.id });
        expect(region).toEqual({ name: '玉林北路社区第二网格', parent: { parent: { id: street2.id } } });
        const board = async (regionId: string) => (await api.ok(`query($r: ID) { openShifts(filter: { regionId: $r }) { totalCount } }`, { r: regionId })).openShifts.totalCount;
        expect(await board(street2.id)).toBe(1);
        expect(await board(ids['510104001000'].id)).toBe(0);
        const [{ board_path }] = await api.sql(`SELECT board_path FROM shift WHERE id = $1`, [task.shiftIds[0]]);
        expect(board_path).toBe(after.path);
      });
    });

    describe('createRegion and updateRegion', () => {
      let regions: TestRegions;
      let districtCode: string;
      beforeAll(async () => {
        regions = await api.make.regions();
        [{ code: districtCode }] = await api.sql(`SELECT code FROM region WHERE id = $1`, [regions.district.id]);
      });
      const county = () => districtCode.slice(0, 6);

      it('should let an administrator create a street and a community under it, audited', async () => {
        const street = (await api.ok(CREATE_REGION, { input: { code: `${county()}009000`, parentId: regions.district.id, name: ' 新街道 ', nameEn: 'New Street', level: 'STREET', latitude: 30.61, longitude: 104.01 } }, admin.token)).createRegion;
        expect(street).toMatchObject({ code: `${county()}009000`, level: 'STREET', name: '新街道', nameEn: 'New Street', latitude: 30.61, longitude: 104.01, parent: { id: regions.district.id } });
        const community = (await api.ok(CREATE_REGION, { input: { code: `${county()}009001`, parentId: street.id, name: '新社区', level: 'COMMUNITY' } }, admin.token)).createRegion;
        expect(community).toMatchObject({ level: 'COMMUNITY', latitude: null, parent: { id: street.id } });
        const [row] = await api.sql(`SELECT path FROM region WHERE id = $1`, [community.id]);
        expect(row.path).toBe(`${regions.district.path}/${street.id}/${community.id}`);
        const { region } = await api.ok(`query($id: ID!) { region(id: $id) { children { id } } }`, { id: street.id });
        expect(region.children).toEqual([{ id: community.id }]);
        const audit = await api.sql(`SELECT actor_user_id, subject_id, detail->>'code' AS code FROM audit_entry WHERE action = 'region.create' AND subject_id = ANY($1::text[]) ORDER BY id`, [[street.id, community.id]]);
        expect(audit).toEqual([
          { actor_user_id: admin.id, subject_id: street.id, code: `${county()}009000` },
          { actor_user_id: admin.id, subject_id: community.id, code: `${county()}009001` },
        ]);
      });

      it('should refuse everyone but administrators', async () => {
        const official = await api.make.official(regions.district);
        const resident = await api.make.user();
        const input = { code: `${county()}008000`, parentId: regions.district.id, name: '街道', level: 'STREET' };
        expect(await api.fails(CREATE_REGION, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
        expect(await api.fails(CREATE_REGION, { input }, resident.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.fails(CREATE_REGION, { input }, official.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.fails(UPDATE_REGION, { input: { id: regions.grid.id, name: '改名' } }, official.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.sql(`SELECT count(*)::int AS n FROM region WHERE code = $1`, [input.code])).toEqual([{ n: 0 }]);
      });

      it.each<[string, (r: TestRegions, county: string) => Record<string, unknown>, { code: string; field: string }]>([
        ['a code of the wrong form', (r, c) => ({ code: `${c}00700`, parentId: r.district.id, level: 'STREET' }), { code: 'BAD_USER_INPUT', field: 'code' }],
        ['a code outside the parent', (r) => ({ code: '990101007000', parentId: r.district.id, level: 'STREET' }), { code: 'BAD_USER_INPUT', field: 'code' }],
        ['a code in use', (_r, c) => ({ code: `${c}001000`, parentId: _r.district.id, level: 'STREET' }), { code: 'CONFLICT', field: 'code' }],
        ['an unknown parent', (_r, c) => ({ code: `${c}007000`, parentId: UNKNOWN_ID, level: 'STREET' }), { code: 'NOT_FOUND', field: 'parentId' }],
        ['a level not one below the parent', (r, c) => ({ code: `${c}001001009`, parentId: r.street.id, level: 'GRID' }), { code: 'BAD_USER_INPUT', field: 'level' }],
        ['a district with a parent', (r, c) => ({ code: `${c}000000`, parentId: r.district.id, level: 'DISTRICT' }), { code: 'BAD_USER_INPUT', field: 'parentId' }],
        ['a street without a parent', (_r, c) => ({ code: `${c}007000`, level: 'STREET' }), { code: 'BAD_USER_INPUT', field: 'parentId' }],
        ['a latitude without a longitude', (r, c) => ({ code: `${c}007000`, parentId: r.district.id, level: 'STREET', latitude: 30 }), { code: 'BAD_USER_INPUT', field: 'longitude' }],
        ['a name of nothing visible', (r, c) => ({ code: `${c}007000`, parentId: r.district.id, level: 'STREET', name: ' \u200b ' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ])('should refuse to create a region with %s and create nothing', async (_label, make, expected) => {
        const before = await regionTable(api);
        expect(await api.fails(CREATE_REGION, { input: { name: '某地', ...make(regions, county()) } }, admin.token)).toMatchObject(expected);
        expect(await regionTable(api)).toBe(before);
      });

      it('should rename and relocate a region, audited, and refuse bad changes', async () => {
        const own = await api.make.regions();
        const updated = (await api.ok(UPDATE_REGION, { input: { id: own.grid.id, name: '第一网格', nameEn: 'Grid One', latitude: 30.7, longitude: 104.1 } }, admin.token)).updateRegion;
        expect(updated).toEqual({ id: own.grid.id, name: '第一网格', nameEn: 'Grid One', latitude: 30.7, longitude: 104.1, parent: { id: own.community.id } });
        // The API answers from its in-memory tree: the rename shows at once.
        expect((await api.ok(`query($id: ID!) { region(id: $id) { name } }`, { id: own.grid.id })).region.name).toBe('第一网格');
        const cleared = (await api.ok(UPDATE_REGION, { input: { id: own.grid.id, nameEn: null, latitude: null, longitude: null } }, admin.token)).updateRegion;
        expect(cleared).toMatchObject({ name: '第一网格', nameEn: null, latitude: null, longitude: null });
        const audit = await api.sql(`SELECT action, actor_user_id, detail->'changes'->'name' AS name FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [own.grid.id]);
        expect(audit).toEqual([
          { action: 'region.update', actor_user_id: admin.id, name: { from: '测试网格', to: '第一网格' } },
          { action: 'region.update', actor_user_id: admin.id, name: null },
        ]);

        const before = await regionTable(api);
        const fails = (input: Record<string, unknown>) => api.fails(UPDATE_REGION, { input }, admin.token);
        expect(await fails({ id: UNKNOWN_ID, name: 'x' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
        expect(await fails({ id: own.street.id, parentId: UNKNOWN_ID })).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
        expect(await fails({ id: own.street.id, parentId: own.grid.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', key: 'region.moveIntoOwnSubtree' });
        expect(await fails({ id: own.street.id, parentId: own.street.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', key: 'region.moveIntoOwnSubtree' });
        expect(await fails({ id: own.grid.id, parentId: own.otherStreet.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', key: 'region.levelBelowParent' });
        expect(await fails({ id: own.district.id, parentId: regions.district.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
        expect(await fails({ id: own.grid.id, latitude: 30 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'longitude' });
        expect(await fails({ id: own.grid.id, name: '\u200b' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
        expect(await regionTable(api)).toBe(before);
      });

      it('should hold the tree to its rules in the database too: code forms, levels under parents, paths derived, levels kept', async () => {
        const own = await api.make.regions();
        const [{ code }] = await api.sql(`SELECT code FROM region WHERE id = $1`, [own.street.id]);
        await expect(api.sql(`INSERT INTO region (parent_id, level, code, name, path) VALUES ($1, 'STREET', 'T-1', '街道', '')`, [own.district.id])).rejects.toThrow(/region_code_format/);
        await expect(api.sql(`UPDATE region SET parent_id = $2 WHERE id = $1`, [own.grid.id, own.otherStreet.id])).rejects.toThrow(/cannot lie under/);
        await expect(api.sql(`UPDATE region SET parent_id = $2 WHERE id = $1`, [own.street.id, own.grid.id])).rejects.toThrow(/own subtree/);
        await expect(api.sql(`UPDATE region SET level = 'COMMUNITY' WHERE id = $1`, [own.street.id])).rejects.toThrow(/keeps its level/);
        const [made] = await api.sql(`INSERT INTO region (parent_id, level, code, name, path) VALUES ($1, 'COMMUNITY', $2, '社区', 'whatever') RETURNING id, path`, [own.street.id, `${code.slice(0, 9)}777`]);
        expect(made.path).toBe(`${own.street.path}/${made.id}`);
      });

      it("should move a community with its grids: paths, the board's copies and officials' scopes follow at once, audited", async () => {
        const own = await api.make.regions();
        const community = own.community.id;
        const coordinator = await api.make.user();
        const orgId = await api.make.organization(own.grid.id, [[coordinator, 'COORDINATOR']], { verified: false });
        await api.make.task(orgId, own.grid);
        const oldOfficial = await api.make.official(own.street);
        const newOfficial = await api.make.official(own.otherStreet);

        const moved = (await api.ok(UPDATE_REGION, { input: { id: community, parentId: own.otherStreet.id } }, admin.token)).updateRegion;
        expect(moved.parent).toEqual({ id: own.otherStreet.id });
        expect(await pathsHold(api)).toEqual({ regions: 0, tasks: 0, needs: 0, alliances: 0, shifts: 0 });
        const [grid] = await api.sql(`SELECT path FROM region WHERE id = $1`, [own.grid.id]);
        expect(grid.path).toBe(`${own.otherStreet.path}/${community}/${own.grid.id}`);
        const board = async (regionId: string) => (await api.ok(`query($r: ID) { openShifts(filter: { regionId: $r }) { totalCount } }`, { r: regionId })).openShifts.totalCount;
        expect([await board(own.street.id), await board(own.otherStreet.id)]).toEqual([0, 1]);
        // The official of the old street no longer holds the organisation's region; the new one does.
        expect(await api.fails(VERIFY, { id: orgId }, oldOfficial.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect((await api.ok(VERIFY, { id: orgId }, newOfficial.token)).verifyOrganization.verified).toBe(true);
        const audit = await api.sql(`SELECT action, actor_user_id, detail->'changes'->'parentId' AS parent FROM audit_entry WHERE subject_id = $1`, [community]);
        expect(audit).toEqual([{ action: 'region.move', actor_user_id: admin.id, parent: { from: own.street.id, to: own.otherStreet.id } }]);
      });
    });

    describe('grid leaders', () => {
      let regions: TestRegions;
      let official: TestUser;
      beforeAll(async () => {
        regions = await api.make.regions();
        official = await api.make.official(regions.street);
      });

      it('should let an official in scope appoint a grid leader, who may act for residents until removed, and tell them both times', async () => {
        const leader = await api.make.user({ displayName: '李秀英' });
        const resident = await api.make.user({ homeRegionId: regions.grid.id });
        const need = { title: '楼道灯坏了', description: '3 栋 2 单元楼道灯不亮', category: 'SAFETY', regionId: regions.grid.id, onBehalfOfUserId: resident.id };
        expect(await api.fails(PUBLISH_NEED, { input: need }, leader.token)).toMatchObject({ code: 'FORBIDDEN' });

        const appointed = (await api.ok(APPOINT, { input: { regionId: regions.grid.id, userId: leader.id } }, official.token)).appointGridLeader;
        expect(appointed).toEqual({ id: leader.id, leadsGrid: { id: regions.grid.id } });
        expect((await api.ok(PUBLISH_NEED, { input: need }, leader.token)).publishNeed.onBehalfOf).toEqual({ id: resident.id });
        const { region } = await api.ok(`query($id: ID!) { region(id: $id) { gridLeaders { id displayName phone } } }`, { id: regions.grid.id });
        expect(region.gridLeaders).toEqual([{ id: leader.id, displayName: '李秀英', phone: `${leader.phone.slice(0, 3)}****${leader.phone.slice(-4)}` }]);

        expect((await api.ok(REMOVE, { input: { regionId: regions.grid.id, userId: leader.id } }, official.token)).removeGridLeader).toEqual({ id: leader.id, leadsGrid: null });
        // The very next request of the former leader is decided without the grid.
        expect(await api.fails(PUBLISH_NEED, { input: need }, leader.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect((await api.ok(`query($id: ID!) { region(id: $id) { gridLeaders { id } } }`, { id: regions.grid.id })).region.gridLeaders).toEqual([]);

        await api.eventsSettled();
        expect(await api.notificationKinds(leader)).toEqual(['GRID_LEADER_APPOINTED', 'GRID_LEADER_REMOVED']);
        const inbox = (await api.ok(`{ notifications(first: 5) { edges { node { kind title link } } } }`, {}, leader.token)).notifications.edges.map((e: { node: unknown }) => e.node);
        expect(inbox).toContainEqual({ kind: 'GRID_LEADER_APPOINTED', title: '您已成为测试网格的网格员', link: '/residents' });
        const audit = await api.sql(`SELECT action, actor_user_id, detail->>'regionId' AS region FROM audit_entry WHERE subject_id = $1 AND action LIKE 'gridLeader.%' ORDER BY id`, [leader.id]);
        expect(audit).toEqual([
          { action: 'gridLeader.appoint', actor_user_id: official.id, region: regions.grid.id },
          { action: 'gridLeader.remove', actor_user_id: official.id, region: regions.grid.id },
        ]);
      });

      it('should let an administrator appoint anywhere and refuse officials out of scope and residents', async () => {
        const [leader, resident] = await api.make.users(2);
        const outsider = await api.make.official(regions.otherStreet);
        const input = { regionId: regions.grid.id, userId: leader.id };
        expect(await api.fails(APPOINT, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
        expect(await api.fails(APPOINT, { input }, resident.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.fails(APPOINT, { input }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.sql(`SELECT leads_grid_id FROM user_account WHERE id = $1`, [leader.id])).toEqual([{ leads_grid_id: null }]);
        expect((await api.ok(APPOINT, { input }, admin.token)).appointGridLeader.leadsGrid).toEqual({ id: regions.grid.id });
        expect(await api.fails(REMOVE, { input }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect((await api.ok(REMOVE, { input }, admin.token)).removeGridLeader.leadsGrid).toBeNull();
      });

      it('should refuse what cannot be appointed or removed, and change nothing', async () => {
        const [leader, other] = await api.make.users(2);
        await api.ok(APPOINT, { input: { regionId: regions.grid.id, userId: leader.id } }, admin.token);
        const before = await api.sql(`SELECT id, leads_grid_id FROM user_account ORDER BY id`);
        const appoint = (regionId: string, userId: string) => api.fails(APPOINT, { input: { regionId, userId } }, admin.token);
        expect(await appoint(regions.community.id, other.id)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionId', key: 'gridLeader.notAGrid' });
        expect(await appoint(UNKNOWN_ID, other.id)).toMatchObject({ code: 'NOT_FOUND', field: 'regionId' });
        expect(await appoint(regions.grid.id, UNKNOWN_ID)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
        expect(await appoint(regions.grid.id, leader.id)).toMatchObject({ code: 'CONFLICT', field: 'userId', key: 'gridLeader.already' });
        expect(await appoint(regions.otherGrid.id, leader.id)).toMatchObject({ code: 'CONFLICT', field: 'userId', key: 'gridLeader.leadsAnother' });
        expect(await api.fails(REMOVE, { input: { regionId: regions.otherGrid.id, userId: leader.id } }, admin.token)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
        expect(await api.fails(REMOVE, { input: { regionId: regions.grid.id, userId: other.id } }, admin.token)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
        expect(await api.fails(REMOVE, { input: { regionId: regions.street.id, userId: leader.id } }, admin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionId' });
        expect(await api.sql(`SELECT id, leads_grid_id FROM user_account ORDER BY id`)).toEqual(before);
        await api.ok(REMOVE, { input: { regionId: regions.grid.id, userId: leader.id } }, admin.token);
      });

      it('should keep a grid to five leaders, and the database to grids', async () => {
        const own = await api.make.regions();
        const people = await api.make.users(6);
        for (const p of people.slice(0, 5)) await api.ok(APPOINT, { input: { regionId: own.grid.id, userId: p.id } }, admin.token);
        expect(await api.fails(APPOINT, { input: { regionId: own.grid.id, userId: people[5].id } }, admin.token)).toMatchObject({ code: 'CONFLICT', key: 'gridLeader.tooMany' });
        const { region } = await api.ok(`query($id: ID!) { region(id: $id) { gridLeaders { id } } }`, { id: own.grid.id });
        expect(region.gridLeaders).toHaveLength(5);
        await expect(api.sql(`UPDATE user_account SET leads_grid_id = $2 WHERE id = $1`, [people[5].id, own.street.id])).rejects.toThrow(/grid leader leads a grid/);
      });
    });
  });
});
