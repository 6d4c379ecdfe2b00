import { statementCounter } from '@civicgrid/platform';
import { CLAIM_STATUS_FUNCTIONS, CLAIM_STATUSES } from '@civicgrid/volunteering';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id status title category requiredSkills requiresApproval requiresCheckInCode organization { id } region { id } shifts { id capacity confirmedCount waitlistCount checkInCode startsAt endsAt } } }`;
const PUBLISH = `mutation($id: ID!) { publishTask(id: $id) { id status } }`;
const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status volunteer { id } actingProxy { id } shift { id confirmedCount waitlistCount } } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideClaim(input: { claimId: $id, approve: $approve }) { id status } }`;
const CHECK_IN = `mutation($id: ID!, $code: String) { checkIn(input: { claimId: $id, code: $code }) { id status checkInAt } }`;
const CHECK_OUT = `mutation($id: ID!) { checkOut(input: { claimId: $id }) { id status checkOutAt serviceRecord { minutes status } } }`;
const VERIFY = `mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id minutes status verifiedAt claim { id status } } }`;
const SHIFT = `query($id: ID!) { shift(id: $id) { id confirmedCount waitlistCount pendingCount checkInCode viewerClaim { id status } } }`;

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe('volunteering', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  const taskInput = (over: Record<string, unknown> = {}) => ({
    organizationId: orgId,
    title: 'Deliver lunches',
    category: 'elder_care',
    regionId: regions.grid.id,
    requiredSkills: ['ELDER_CARE', 'ELDER_CARE'],
    shifts: [
      { startsAt: inHours(24), endsAt: inHours(26), capacity: 3 },
      { startsAt: inHours(48), endsAt: inHours(50), capacity: 2 },
    ],
    ...over,
  });

  describe('createTask and publishTask', () => {
    it('should create a DRAFT task with its shifts and publish it when a coordinator asks', async () => {
      const { createTask } = await api.ok(CREATE_TASK, { input: taskInput() }, coordinator.token);
      expect(createTask).toMatchObject({ status: 'DRAFT', category: 'ELDER_CARE', requiredSkills: ['ELDER_CARE'], requiresApproval: false, organization: { id: orgId }, region: { id: regions.grid.id } });
      expect(createTask.shifts).toHaveLength(2);
      expect(createTask.shifts[0]).toMatchObject({ capacity: 3, confirmedCount: 0, waitlistCount: 0, checkInCode: expect.stringMatching(/^\d{6}$/) });
      // A draft is invisible to others and absent from the board.
      const stranger = await api.make.user();
      expect((await api.ok(`query($id: ID!) { task(id: $id) { id } }`, { id: createTask.id }, stranger.token)).task).toBeNull();
      expect((await api.ok(PUBLISH, { id: createTask.id }, coordinator.token)).publishTask.status).toBe('PUBLISHED');
      expect((await api.ok(`query($id: ID!) { task(id: $id) { id status shifts { id checkInCode } } }`, { id: createTask.id }, stranger.token)).task).toMatchObject({ status: 'PUBLISHED', shifts: [{ checkInCode: null }, { checkInCode: null }] });
      expect(await api.fails(PUBLISH, { id: createTask.id }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
    });

    it.each([
      [{ shifts: [] }, 'shifts'],
      [{ title: '' }, 'title'],
      [{ shifts: [{ startsAt: inHours(5), endsAt: inHours(4), capacity: 1 }] }, 'shifts.0.endsAt'],
      [{ shifts: [{ startsAt: inHours(-2), endsAt: inHours(1), capacity: 1 }] }, 'shifts.0.startsAt'],
      [{ shifts: [{ startsAt: inHours(1), endsAt: inHours(2), capacity: 0 }] }, 'shifts.0.capacity'],
      [{ shifts: [{ startsAt: inHours(1), endsAt: inHours(30), capacity: 1 }] }, 'shifts.0.endsAt'],
      [{ organizationId: 'not-a-uuid' }, 'organizationId'],
    ])('should refuse with BAD_USER_INPUT and create nothing when %j', async (bad, field) => {
      const before = await api.sql('SELECT count(*)::int AS n FROM task');
      expect(await api.fails(CREATE_TASK, { input: taskInput(bad) }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await api.sql('SELECT count(*)::int AS n FROM task')).toEqual(before);
    });

    it('should refuse with NOT_FOUND for an unknown organisation or region, FORBIDDEN for a plain member, UNAUTHENTICATED without a token', async () => {
      const member = await api.make.user();
      await api.make.member(orgId, member, 'MEMBER');
      expect(await api.fails(CREATE_TASK, { input: taskInput({ organizationId: '00000000-0000-4000-8000-000000000001' }) }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(await api.fails(CREATE_TASK, { input: taskInput({ regionId: '00000000-0000-4000-8000-000000000001' }) }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'regionId' });
      expect(await api.fails(CREATE_TASK, { input: taskInput() }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CREATE_TASK, { input: taskInput() })).toMatchObject({ code: 'UNAUTHENTICATED' });
      const { createTask } = await api.ok(CREATE_TASK, { input: taskInput() }, coordinator.token);
      expect(await api.fails(PUBLISH, { id: createTask.id }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(PUBLISH, { id: createTask.id }, (await api.make.user()).token)).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('openShifts', () => {
    it('should filter by region subtree, category, skills, time window and space, soonest first', async () => {
      const org = await api.make.organization(regions.district.id, [[coordinator, 'OWNER']]);
      const here = await api.make.task(org, regions.grid, { category: 'HEALTH', skills: ['FIRST_AID'], shifts: [{ startInHours: 100, capacity: 1 }, { startInHours: 101, capacity: 2 }] });
      const there = await api.make.task(org, regions.otherGrid, { category: 'HEALTH', shifts: [{ startInHours: 102, capacity: 1 }] });
      await api.make.task(org, regions.grid, { status: 'DRAFT', category: 'HEALTH', shifts: [{ startInHours: 100, capacity: 1 }] });
      await api.make.task(org, regions.grid, { category: 'HEALTH', shifts: [{ startInHours: -5, hours: 2, capacity: 1 }] });
      await api.make.claim(here.shiftIds[0], await api.make.user());
      const q = `query($f: ShiftFilter) { openShifts(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
      const ids = async (f: object) => (await api.ok(q, { f: { category: 'health', ...f } })).openShifts.edges.map((e: any) => e.node.id);
      expect(await ids({})).toEqual([...here.shiftIds, ...there.shiftIds]);
      expect(await ids({ regionId: regions.street.id })).toEqual(here.shiftIds);
      expect(await ids({ regionId: regions.otherStreet.id })).toEqual(there.shiftIds);
      expect(await ids({ skills: ['FIRST_AID'] })).toEqual(here.shiftIds);
      expect(await ids({ onlyWithSpace: true })).toEqual([here.shiftIds[1], there.shiftIds[0]]);
      // The window keeps shifts that overlap it: the 100h shift runs until 102h.
      expect(await ids({ from: inHours(102.5), to: inHours(200) })).toEqual([here.shiftIds[1], there.shiftIds[0]]);
      expect(await ids({ from: inHours(101.5), to: inHours(101.9) })).toEqual([here.shiftIds[0], here.shiftIds[1]]);
      expect(await api.fails(q, { f: { from: inHours(5), to: inHours(4) } })).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await api.fails(q, { f: { regionId: '00000000-0000-4000-8000-000000000001' } })).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should resolve nested fields with a constant number of statements, not one per shift', async () => {
      const org = await api.make.organization(regions.grid.id, [[coordinator, 'OWNER']]);
      const category = `NPLUSONE${Date.now()}`;
      const count = async (n: number) => {
        const q = `query($f: ShiftFilter, $n: Int) { openShifts(filter: $f, first: $n) { edges { node { id viewerClaim { id } checkInCode task { title organization { name region { name } } region { name parent { name } } shifts { id } } } } } }`;
        statementCounter.count = 0;
        const r = await api.ok(q, { f: { category }, n }, coordinator.token);
        expect(r.openShifts.edges).toHaveLength(n);
        return statementCounter.count;
      };
      for (let i = 0; i < 20; i++) await api.make.task(org, regions.grid, { category, shifts: [{ startInHours: 300 + i, capacity: 1 }] });
      const few = await count(3);
      const many = await count(20);
      expect(many).toBe(few);
    });
  });

  describe('claims', () => {
    it('should confirm while space is left, then waitlist, and promote the first waiting claim on cancel', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 30, capacity: 1 }] });
      const [a, b, c] = await api.make.users(3);
      expect((await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, a.token)).claimShift).toMatchObject({ status: 'CONFIRMED', shift: { confirmedCount: 1, waitlistCount: 0 } });
      const bClaim = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, b.token)).claimShift;
      expect(bClaim).toMatchObject({ status: 'WAITLISTED', shift: { confirmedCount: 1, waitlistCount: 1 } });
      const cClaim = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, c.token)).claimShift;
      expect(cClaim.status).toBe('WAITLISTED');
      const aClaim = (await api.ok(SHIFT, { id: t.shiftIds[0] }, a.token)).shift.viewerClaim;
      expect((await api.ok(CANCEL, { id: aClaim.id }, a.token)).cancelClaim.status).toBe('CANCELLED');
      expect((await api.ok(`query($id: ID!) { claim(id: $id) { status } }`, { id: bClaim.id }, b.token)).claim.status).toBe('CONFIRMED');
      expect((await api.ok(SHIFT, { id: t.shiftIds[0] }, c.token)).shift).toMatchObject({ confirmedCount: 1, waitlistCount: 1, viewerClaim: { status: 'WAITLISTED' } });
      expect(await api.fails(CANCEL, { id: aClaim.id }, a.token)).toMatchObject({ code: 'CONFLICT' });
      // Claiming again after a cancel is allowed; it joins the end of the queue.
      expect((await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, a.token)).claimShift.status).toBe('WAITLISTED');
    });

    it('should refuse a second claim, an overlapping claim, an ended shift, a closed task and a draft', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 40, hours: 2, capacity: 5 }, { startInHours: 41, hours: 2, capacity: 5 }, { startInHours: -3, hours: 1, capacity: 5 }] });
      const closed = await api.make.task(orgId, regions.grid, { status: 'CLOSED', shifts: [{ startInHours: 60, capacity: 5 }] });
      const draft = await api.make.task(orgId, regions.grid, { status: 'DRAFT', shifts: [{ startInHours: 60, capacity: 5 }] });
      const v = await api.make.user();
      await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token);
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.duplicate' });
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[1] } }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.overlap' });
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[2] } }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.shiftEnded' });
      expect(await api.fails(CLAIM, { input: { shiftId: closed.shiftIds[0] } }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.taskNotOpen' });
      expect(await api.fails(CLAIM, { input: { shiftId: draft.shiftIds[0] } }, v.token)).toMatchObject({ code: 'NOT_FOUND', field: 'shiftId' });
      expect(await api.fails(CLAIM, { input: { shiftId: '00000000-0000-4000-8000-000000000001' } }, v.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.fails(CLAIM, { input: { shiftId: 'nope' } }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shiftId' });
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0] } })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.sql(`SELECT count(*)::int AS n FROM shift_claim WHERE volunteer_id = $1`, [v.id])).toEqual([{ n: 1 }]);
    });

    it('should accept claims until the shift ends', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -0.5, hours: 1, capacity: 2 }] });
      expect((await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, (await api.make.user()).token)).claimShift.status).toBe('CONFIRMED');
    });

    it('should put a claim on an approval task in PENDING_APPROVAL, and let only coordinators decide within capacity', async () => {
      const t = await api.make.task(orgId, regions.grid, { requiresApproval: true, shifts: [{ startInHours: 70, capacity: 1 }] });
      const [a, b] = await api.make.users(2);
      const ca = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, a.token)).claimShift;
      const cb = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, b.token)).claimShift;
      expect([ca.status, cb.status]).toEqual(['PENDING_APPROVAL', 'PENDING_APPROVAL']);
      expect(await api.fails(DECIDE, { id: ca.id, approve: true }, a.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(DECIDE, { id: ca.id, approve: true }, coordinator.token)).decideClaim.status).toBe('CONFIRMED');
      expect(await api.fails(DECIDE, { id: cb.id, approve: true }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.full' });
      expect((await api.ok(DECIDE, { id: cb.id, approve: false }, coordinator.token)).decideClaim.status).toBe('REJECTED');
      expect(await api.fails(DECIDE, { id: cb.id, approve: true }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
      const claims = await api.ok(`query($id: ID!) { shift(id: $id) { claims { totalCount edges { node { status volunteer { id } } } } } }`, { id: t.shiftIds[0] }, coordinator.token);
      expect(claims.shift.claims.edges.map((e: any) => e.node.status)).toEqual(['CONFIRMED', 'REJECTED']);
      expect((await api.gql(`query($id: ID!) { shift(id: $id) { claims { totalCount } } }`, { id: t.shiftIds[0] }, a.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('should let a proxy claim for the resident who granted it, and nobody else', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 80, capacity: 3 }] });
      const [resident, leader, stranger] = await api.make.users(3);
      await api.make.proxyGrant(resident, leader);
      const { claimShift } = await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0], onBehalfOfUserId: resident.id } }, leader.token);
      expect(claimShift).toMatchObject({ status: 'CONFIRMED', volunteer: { id: resident.id }, actingProxy: { id: leader.id } });
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0], onBehalfOfUserId: resident.id } }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0], onBehalfOfUserId: '00000000-0000-4000-8000-000000000001' } }, leader.token)).toMatchObject({ code: 'NOT_FOUND' });
      const audit = await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'claim.onBehalf' AND subject_id = $1`, [claimShift.id]);
      expect(audit).toEqual([{ actor_user_id: leader.id }]);
      const mine = await api.ok(`query($v: ID) { myClaims(volunteerId: $v) { totalCount edges { node { id } } } }`, { v: resident.id }, leader.token);
      expect(mine.myClaims.totalCount).toBe(1);
      expect((await api.gql(`query($v: ID) { myClaims(volunteerId: $v) { totalCount } }`, { v: resident.id }, stranger.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('check-in, check-out and verification', () => {
    it('should check in inside the window with the code, check out, and verify the minutes', async () => {
      // Under way: a volunteer checks out only once the shift has started.
      const t = await api.make.task(orgId, regions.grid, { requiresCheckInCode: true, shifts: [{ startInHours: -0.25, hours: 2, capacity: 3 }] });
      const v = await api.make.user();
      const claim = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)).claimShift;
      expect(await api.fails(CHECK_OUT, { id: claim.id }, v.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(CHECK_IN, { id: claim.id }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', key: 'checkIn.codeRequired' });
      const wrong = t.codes[0] === '000000' ? '111111' : '000000';
      expect(await api.fails(CHECK_IN, { id: claim.id, code: wrong }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'checkIn.codeWrong' });
      expect((await api.ok(CHECK_IN, { id: claim.id, code: t.codes[0] }, v.token)).checkIn.status).toBe('CHECKED_IN');
      expect(await api.fails(CHECK_IN, { id: claim.id, code: t.codes[0] }, v.token)).toMatchObject({ code: 'CONFLICT' });
      const out = (await api.ok(CHECK_OUT, { id: claim.id }, v.token)).checkOut;
      expect(out).toMatchObject({ status: 'ATTENDED', serviceRecord: { status: 'PENDING', minutes: 1 } });
      expect(await api.fails(VERIFY, { input: { claimId: claim.id, approve: true } }, v.token)).toMatchObject({ code: 'FORBIDDEN' });
      const { verifyService } = await api.ok(VERIFY, { input: { claimId: claim.id, approve: true, minutes: 95 } }, coordinator.token);
      expect(verifyService).toMatchObject({ minutes: 95, status: 'VERIFIED', claim: { id: claim.id, status: 'ATTENDED' } });
      expect(await api.fails(VERIFY, { input: { claimId: claim.id, approve: false } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'service.alreadyDecided' });
      const me = await api.ok(`{ me { serviceMinutes } myServiceRecords { totalCount edges { node { minutes status claim { id } } } } }`, {}, v.token);
      expect(me).toEqual({ me: { serviceMinutes: 95 }, myServiceRecords: { totalCount: 1, edges: [{ node: { minutes: 95, status: 'VERIFIED', claim: { id: claim.id } } }] } });
      // The database refuses to edit a decided record, whatever the code does.
      await expect(api.sql(`UPDATE service_record SET minutes = 1 WHERE claim_id = $1`, [claim.id])).rejects.toThrow();
    });

    it('should refuse check-in before the window opens and after the shift ends', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 2, capacity: 3 }] });
      const v = await api.make.user();
      const claim = (await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)).claimShift;
      expect(await api.fails(CHECK_IN, { id: claim.id }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'checkIn.notYetOpen' });
      const past = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -3, hours: 1, capacity: 3 }] });
      const old = await api.make.claim(past.shiftIds[0], v);
      expect(await api.fails(CHECK_IN, { id: old }, v.token)).toMatchObject({ code: 'CONFLICT', key: 'checkIn.closed' });
    });

    it('should let a coordinator check a volunteer in without the code, audited, and verify with default minutes', async () => {
      const t = await api.make.task(orgId, regions.grid, { requiresCheckInCode: true, shifts: [{ startInHours: -1, hours: 3, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v);
      const other = await api.make.user();
      expect(await api.fails(CHECK_IN, { id: claimId }, other.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CANCEL, { id: claimId }, other.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CHECK_OUT, { id: claimId }, other.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CHECK_IN, { id: '00000000-0000-4000-8000-000000000001' }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'claimId' });
      expect((await api.ok(CHECK_IN, { id: claimId }, coordinator.token)).checkIn.status).toBe('CHECKED_IN');
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'claim.checkInFor' AND subject_id = $1`, [claimId])).toEqual([{ actor_user_id: coordinator.id }]);
      // Verifying a claim still checked in closes it at "now" (the shift has not ended).
      await api.sql(`UPDATE shift_claim SET check_in_at = now() - interval '50 minutes' WHERE id = $1`, [claimId]);
      const { verifyService } = await api.ok(VERIFY, { input: { claimId, approve: true } }, coordinator.token);
      expect(verifyService.minutes).toBe(50);
      expect(verifyService.claim.status).toBe('ATTENDED');
    });

    it('should refuse to verify service that was never checked in, one\'s own service, or bad minutes', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -1, hours: 3, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v);
      expect(await api.fails(VERIFY, { input: { claimId, approve: true } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'service.notAttended' });
      expect(await api.fails(VERIFY, { input: { claimId, approve: true, minutes: 0 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
      const own = await api.make.claim(t.shiftIds[0], coordinator, 'CHECKED_IN', { check_in_at: new Date() });
      expect(await api.fails(VERIFY, { input: { claimId: own, approve: true } }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(VERIFY, { input: { claimId: '00000000-0000-4000-8000-000000000001', approve: true } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should reject service when the coordinator says so, leaving the total unchanged', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -2, hours: 1, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v, 'CHECKED_IN', { check_in_at: new Date(Date.now() - 2 * HOUR) });
      expect((await api.ok(VERIFY, { input: { claimId, approve: false } }, coordinator.token)).verifyService).toMatchObject({ status: 'REJECTED', minutes: 60 });
      expect((await api.ok(`{ me { serviceMinutes } }`, {}, v.token)).me.serviceMinutes).toBe(0);
    });
  });

  describe('organisation pages', () => {
    it('should list the organisation\'s tasks, drafts only for members', async () => {
      const org = await api.make.organization(regions.grid.id, [[coordinator, 'ADMIN']]);
      await api.make.task(org, regions.grid, { status: 'DRAFT' });
      await api.make.task(org, regions.grid);
      const q = `query($id: ID!) { organization(id: $id) { tasks(first: 10) { totalCount edges { node { status } } } } }`;
      expect((await api.ok(q, { id: org }, coordinator.token)).organization.tasks.totalCount).toBe(2);
      expect((await api.ok(q, { id: org })).organization.tasks).toEqual({ totalCount: 1, edges: [{ node: { status: 'PUBLISHED' } }] });
    });
  });

  describe('claim status sets', () => {
    it.each(Object.entries(CLAIM_STATUS_FUNCTIONS))('should answer %s(status) in SQL exactly as the TypeScript set says, for every status', async (fn, set) => {
      const rows = await api.sql<{ status: string; member: boolean }>(`SELECT s AS status, ${fn}(s) AS member FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i) ORDER BY i`, [[...CLAIM_STATUSES]]);
      expect(rows).toEqual(CLAIM_STATUSES.map((status) => ({ status, member: (set as readonly string[]).includes(status) })));
    });

    it('should have one SQL function per set, and let the column take exactly the TypeScript statuses', async () => {
      const fns = await api.sql<{ proname: string; volatile: string }>(`SELECT proname, provolatile AS volatile FROM pg_proc WHERE proname LIKE 'claim\\_%' ORDER BY proname`);
      expect(fns).toEqual(Object.keys(CLAIM_STATUS_FUNCTIONS).sort().map((proname) => ({ proname, volatile: 'i' })));
      const [check] = await api.sql<{ def: string }>(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'shift_claim'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%REJECTED%'`,
      );
      expect([...check.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).sort()).toEqual([...CLAIM_STATUSES].sort());
    });

    it('should count places and keep one standing claim per volunteer through the functions', async () => {
      const [index] = await api.sql<{ def: string }>(`SELECT pg_get_indexdef('shift_claim_one_active_uq'::regclass) AS def`);
      expect(index.def).toMatch(/UNIQUE INDEX .* \(shift_id, volunteer_id\) WHERE claim_is_standing\(status\)$/);
      const [trigger] = await api.sql<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'shift_claim_counts'`);
      expect(trigger.src).toContain('claim_holds_place(OLD.status)');
      expect(trigger.src).toContain('claim_holds_place(NEW.status)');
      expect(trigger.src).not.toContain("'CONFIRMED'");
    });
  });
});
