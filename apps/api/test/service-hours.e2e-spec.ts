import { Limits } from '@civicgrid/contracts';
import { Clock, RequestContext } from '@civicgrid/platform';
import { TasksService } from '@civicgrid/volunteering';
import { TestRegions, TestUser } from './support/factories';
import { TestApi, toShanghaiHour } from './support/test-api';

const RECORD_FIELDS = `id source minutes status verifiedAt description decisionReason servedOn createdAt organization { id } task { id } volunteer { id } reportedBy { id }`;
const CHECKED_IN_FIELDS = `id source minutes status verifiedAt servedOn claim { id } organization { id } task { id } volunteer { id }`;
const REPORT = `mutation($input: ReportServiceHoursInput!) { reportServiceHours(input: $input) { ${RECORD_FIELDS} } }`;
const RECORD = `mutation($input: RecordServiceHoursInput!) { recordServiceHours(input: $input) { ${RECORD_FIELDS} } }`;
const DECIDE = `mutation($input: DecideReportedServiceInput!) { decideReportedService(input: $input) { ${RECORD_FIELDS} } }`;
const PENDING = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { pendingServiceReports(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id minutes description volunteer { id } } } } } }`;
const MINUTES = `{ me { serviceMinutes checkedInMinutes reportedMinutes } }`;
const MINE = `{ myServiceRecords(first: 20) { totalCount edges { node { ${CHECKED_IN_FIELDS} } } } }`;
const MY_REPORTED = `query($first: Int, $after: String, $volunteerId: ID) { myReportedService(first: $first, after: $after, volunteerId: $volunteerId) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${RECORD_FIELDS} } } } }`;
const CHECK_IN = `mutation($id: ID!) { checkIn(input: { claimId: $id }) { id status } }`;
const CHECK_OUT = `mutation($id: ID!) { checkOut(input: { claimId: $id }) { id status serviceRecord { id } } }`;
const VERIFY = `mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id status minutes source } }`;
const KIOSK = `query($shiftId: ID!, $digits: String!) { kioskExpected(shiftId: $shiftId, phoneLast4: $digits) { claimId name phone status checkInAt checkOutAt } }`;
const KIOSK_IN = `mutation($input: KioskAttendanceInput!) { kioskCheckIn(input: $input) { claimId name phone status checkInAt } }`;
const KIOSK_OUT = `mutation($input: KioskAttendanceInput!) { kioskCheckOut(input: $input) { claimId status checkOutAt } }`;
const INBOX = `{ notifications(first: 20) { edges { node { kind title body link } } } }`;

const DAY = 86_400_000;
const NOWHERE = '00000000-0000-4000-8000-000000000001';

describe('hours the platform did not see, and the check-in kiosk', () => {
  let api: TestApi;
  let clock: Clock;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.get(Clock);
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  /** The Asia/Shanghai day `daysAgo` days before the app's today, YYYY-MM-DD. */
  const day = (daysAgo = 0) => new Date(clock.nowMs() + 8 * 3_600_000 - daysAgo * DAY).toISOString().slice(0, 10);
  const report = (over: Record<string, unknown> = {}) => ({ organizationId: orgId, date: day(1), minutes: 120, description: '在社区活动室教老人用智能手机', ...over });
  const countRecords = async (volunteer: TestUser) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM service_record WHERE volunteer_id = $1`, [volunteer.id]))[0].n;
  const inbox = async (who: TestUser) => (await api.ok(INBOX, {}, who.token)).notifications.edges.map((e: any) => e.node);
  /** A second coordinator of the organisation (the first may be the one reporting). */
  const anotherCoordinator = async () => {
    const c = await api.make.user();
    await api.make.member(orgId, c, 'COORDINATOR');
    return c;
  };

  describe('reportServiceHours', () => {
    it('should record a REPORTED, PENDING record with no claim, tell the coordinators, and leave the verified total alone', async () => {
      const v = await api.make.user();
      const task = await api.make.task(orgId, regions.grid);
      const { reportServiceHours: r } = await api.ok(REPORT, { input: report({ taskId: task.id, description: '  按纸质签到表，周六上午清理河道  ' }) }, v.token);
      expect(r).toMatchObject({
        source: 'REPORTED',
        status: 'PENDING',
        minutes: 120,
        verifiedAt: null,
        description: '按纸质签到表，周六上午清理河道',
        servedOn: day(1),
        organization: { id: orgId },
        task: { id: task.id },
        volunteer: { id: v.id },
        reportedBy: { id: v.id },
      });
      expect((await api.ok(MINUTES, {}, v.token)).me).toEqual({ serviceMinutes: 0, checkedInMinutes: 0, reportedMinutes: 0 });
      await api.eventsSettled();
      expect(await api.notificationKinds(coordinator)).toContain('SERVICE_REPORT_RECEIVED');
      expect(await api.notificationKinds(v)).toEqual([]);
      const [told] = (await inbox(coordinator)).filter((n: any) => n.kind === 'SERVICE_REPORT_RECEIVED');
      expect(told).toMatchObject({ title: '有服务时长申报待审核', link: `/orgs/${orgId}` });
      expect(told.body).toContain('120 分钟');
    });

    it('should refuse bad input with the field at fault and write nothing', async () => {
      const v = await api.make.user();
      const unverified = await api.make.organization(regions.grid.id, [], { verified: false });
      const department = await api.make.organization(regions.grid.id, [], { kind: 'DEPARTMENT' });
      const other = await api.make.organization(regions.grid.id);
      const otherTask = await api.make.task(other, regions.grid);
      const cases: [Record<string, unknown>, string, string, string?][] = [
        [{ minutes: 0 }, 'BAD_USER_INPUT', 'minutes'],
        [{ minutes: Limits.serviceMinutesMax + 1 }, 'BAD_USER_INPUT', 'minutes'],
        [{ date: day(-1) }, 'BAD_USER_INPUT', 'date', 'service.dateInFuture'],
        [{ date: day(Limits.reportedServiceMaxAgeDays + 1) }, 'BAD_USER_INPUT', 'date', 'service.dateTooOld'],
        [{ date: '2026-02-30' }, 'BAD_USER_INPUT', 'date', 'service.dateInvalid'],
        [{ date: '1 May' }, 'BAD_USER_INPUT', 'date'],
        [{ description: '   ' }, 'BAD_USER_INPUT', 'description'],
        [{ description: '做'.repeat(Limits.serviceDescriptionMaxLength + 1) }, 'BAD_USER_INPUT', 'description'],
        [{ organizationId: NOWHERE }, 'NOT_FOUND', 'organizationId'],
        [{ organizationId: unverified }, 'BAD_USER_INPUT', 'organizationId', 'service.organizationNotAccepting'],
        [{ organizationId: department }, 'BAD_USER_INPUT', 'organizationId', 'service.organizationNotAccepting'],
        [{ taskId: otherTask.id }, 'BAD_USER_INPUT', 'taskId', 'service.taskOfOtherOrganization'],
        [{ taskId: NOWHERE }, 'NOT_FOUND', 'taskId'],
        [{ onBehalfOfUserId: NOWHERE }, 'NOT_FOUND', 'onBehalfOfUserId'],
      ];
      for (const [over, code, field, key] of cases) {
        const e = await api.fails(REPORT, { input: report(over) }, v.token);
        expect({ over, code: e.code, field: e.field, ...(key ? { key: e.key } : {}) }).toEqual({ over, code, field, ...(key ? { key } : {}) });
      }
      expect(await api.fails(REPORT, { input: report() })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await countRecords(v)).toBe(0);
    });

    it('should take the day served in Asia/Shanghai: just after midnight there, today is the new day', async () => {
      try {
        clock.travel(toShanghaiHour(clock.nowMs(), 0) + 30 * 60_000); // 00:30 in Shanghai, 16:30 UTC the day before
        const v = await api.make.user();
        const shanghaiToday = day(0);
        expect(shanghaiToday).not.toBe(new Date(clock.nowMs()).toISOString().slice(0, 10));
        expect((await api.ok(REPORT, { input: report({ date: shanghaiToday }) }, v.token)).reportServiceHours.servedOn).toBe(shanghaiToday);
        const tomorrow = new Date(Date.parse(`${shanghaiToday}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
        expect(await api.fails(REPORT, { input: report({ date: tomorrow }) }, v.token)).toMatchObject({ field: 'date', key: 'service.dateInFuture' });
      } finally {
        clock.reset();
      }
    });

    it('should let a proxy report for the resident, audited, and nobody else', async () => {
      const [resident, proxy, stranger] = await api.make.users(3);
      await api.make.proxyGrant(resident, proxy);
      const { reportServiceHours: r } = await api.ok(REPORT, { input: report({ onBehalfOfUserId: resident.id }) }, proxy.token);
      expect(r).toMatchObject({ volunteer: { id: resident.id }, reportedBy: { id: proxy.id } });
      expect(await api.sql(`SELECT actor_user_id, detail->>'volunteerId' AS volunteer FROM audit_entry WHERE action = 'service.reportFor' AND subject_id = $1`, [r.id])).toEqual([{ actor_user_id: proxy.id, volunteer: resident.id }]);
      expect(await api.fails(REPORT, { input: report({ onBehalfOfUserId: resident.id }) }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      // A coordinator cannot report in a volunteer's name either: they record hours instead.
      expect(await api.fails(REPORT, { input: report({ onBehalfOfUserId: resident.id }) }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countRecords(resident)).toBe(1);
    });

    it(`should keep at most ${Limits.pendingServiceReportsMax} reports of a volunteer waiting, even when they are sent at once`, async () => {
      const v = await api.make.user();
      const sent = await Promise.all(Array.from({ length: Limits.pendingServiceReportsMax + 4 }, (_, i) => api.gql(REPORT, { input: report({ minutes: 30 + i }) }, v.token)));
      const refused = sent.filter((r) => r.errors?.length);
      expect(sent.length - refused.length).toBe(Limits.pendingServiceReportsMax);
      expect(new Set(refused.map((r) => r.errors![0].extensions?.key))).toEqual(new Set(['service.tooManyPending']));
      expect(await api.sql(`SELECT count(*)::int AS n FROM service_record WHERE volunteer_id = $1 AND status = 'PENDING'`, [v.id])).toEqual([{ n: Limits.pendingServiceReportsMax }]);
      // Once one is decided, another may be sent.
      const [{ id }] = await api.sql<{ id: string }>(`SELECT id FROM service_record WHERE volunteer_id = $1 LIMIT 1`, [v.id]);
      await api.ok(DECIDE, { input: { serviceRecordId: id, approve: true } }, coordinator.token);
      expect((await api.ok(REPORT, { input: report() }, v.token)).reportServiceHours.status).toBe('PENDING');
    });
  });

  describe('deciding reports', () => {
    it('should list the pending reports to the coordinators only, oldest first, page by page', async () => {
      const { coordinator: c, orgId: org } = await api.make.coordinatedOrganization();
      const [a, b, member] = await api.make.users(3);
      await api.make.member(org, member, 'MEMBER');
      const first = (await api.ok(REPORT, { input: report({ organizationId: org, minutes: 60 }) }, a.token)).reportServiceHours;
      const second = (await api.ok(REPORT, { input: report({ organizationId: org, minutes: 90 }) }, b.token)).reportServiceHours;
      const page1 = (await api.ok(PENDING, { id: org, first: 1 }, c.token)).organization.pendingServiceReports;
      expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: first.id, minutes: 60, volunteer: { id: a.id } } }] });
      const page2 = (await api.ok(PENDING, { id: org, first: 1, after: page1.pageInfo.endCursor }, c.token)).organization.pendingServiceReports;
      expect(page2.edges.map((e: any) => e.node.id)).toEqual([second.id]);
      for (const who of [member, a, coordinator]) expect((await api.gql(PENDING, { id: org }, who.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await api.ok(DECIDE, { input: { serviceRecordId: first.id, approve: true } }, c.token);
      expect((await api.ok(PENDING, { id: org }, c.token)).organization.pendingServiceReports.edges.map((e: any) => e.node.id)).toEqual([second.id]);
    });

    it('should count approved reports in serviceMinutes, tell the volunteer, and refuse a second decision', async () => {
      const v = await api.make.user();
      const { id } = (await api.ok(REPORT, { input: report({ minutes: 75 }) }, v.token)).reportServiceHours;
      const { decideReportedService: d } = await api.ok(DECIDE, { input: { serviceRecordId: id, approve: true, reason: '签到表已核对' } }, coordinator.token);
      expect(d).toMatchObject({ status: 'VERIFIED', decisionReason: '签到表已核对', source: 'REPORTED' });
      expect(d.verifiedAt).toBeTruthy();
      expect((await api.ok(MINUTES, {}, v.token)).me).toEqual({ serviceMinutes: 75, checkedInMinutes: 0, reportedMinutes: 75 });
      expect(await api.fails(DECIDE, { input: { serviceRecordId: id, approve: false, reason: 'no' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'service.alreadyDecided' });
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'service.approveReport' AND subject_id = $1`, [id])).toEqual([{ actor_user_id: coordinator.id }]);
      await api.eventsSettled();
      const [told] = await inbox(v);
      expect(told).toMatchObject({ kind: 'SERVICE_REPORT_APPROVED', title: '申报的时长已核实', link: '/my-shifts' });
      expect(told.body).toContain('75 分钟');
      expect(told.body).toContain(day(1));
      // The database refuses to change a decided record, whatever the code does.
      await expect(api.sql(`UPDATE service_record SET minutes = 1 WHERE id = $1`, [id])).rejects.toThrow();
    });

    it('should ask why when rejecting, tell the volunteer the reason, and leave the total unchanged', async () => {
      const v = await api.make.user();
      const { id } = (await api.ok(REPORT, { input: report() }, v.token)).reportServiceHours;
      expect(await api.fails(DECIDE, { input: { serviceRecordId: id, approve: false } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', key: 'service.reasonRequired' });
      expect(await api.fails(DECIDE, { input: { serviceRecordId: id, approve: false, reason: 'x'.repeat(Limits.serviceDecisionReasonMaxLength + 1) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect((await api.ok(DECIDE, { input: { serviceRecordId: id, approve: false, reason: '当天签到表上没有您的名字' } }, coordinator.token)).decideReportedService.status).toBe('REJECTED');
      expect((await api.ok(MINUTES, {}, v.token)).me.serviceMinutes).toBe(0);
      await api.eventsSettled();
      const [told] = await inbox(v);
      expect(told).toMatchObject({ kind: 'SERVICE_REPORT_REJECTED', title: '申报的时长未核实' });
      expect(told.body).toContain('当天签到表上没有您的名字');
    });

    it('should let nobody decide their own report, nor one they sent for someone else, nor outsiders', async () => {
      const own = (await api.ok(REPORT, { input: report() }, coordinator.token)).reportServiceHours;
      expect(await api.fails(DECIDE, { input: { serviceRecordId: own.id, approve: true } }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      const colleague = await anotherCoordinator();
      expect((await api.ok(DECIDE, { input: { serviceRecordId: own.id, approve: true } }, colleague.token)).decideReportedService.status).toBe('VERIFIED');

      const [resident, outsider] = await api.make.users(2);
      await api.make.proxyGrant(resident, colleague);
      const forResident = (await api.ok(REPORT, { input: report({ onBehalfOfUserId: resident.id }) }, colleague.token)).reportServiceHours;
      expect(await api.fails(DECIDE, { input: { serviceRecordId: forResident.id, approve: true } }, colleague.token)).toMatchObject({ code: 'FORBIDDEN' });
      for (const who of [resident, outsider]) expect(await api.fails(DECIDE, { input: { serviceRecordId: forResident.id, approve: true } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DECIDE, { input: { serviceRecordId: NOWHERE, approve: true } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'serviceRecordId' });
      expect(await api.fails(DECIDE, { input: { serviceRecordId: 'nope', approve: true } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceRecordId' });
      expect((await api.sql(`SELECT status FROM service_record WHERE id = $1`, [forResident.id]))[0].status).toBe('PENDING');
      // The database holds it too.
      await expect(api.sql(`UPDATE service_record SET status = 'VERIFIED', verified_at = now(), verified_by_id = volunteer_id WHERE id = $1`, [forResident.id])).rejects.toThrow(/service_record_not_own_decision/);
    });

    it('should apply one decision when two coordinators approve at once', async () => {
      const v = await api.make.user();
      const colleague = await anotherCoordinator();
      const { id } = (await api.ok(REPORT, { input: report({ minutes: 45 }) }, v.token)).reportServiceHours;
      const answers = await Promise.all([coordinator, colleague, coordinator, colleague].map((c) => api.gql(DECIDE, { input: { serviceRecordId: id, approve: true } }, c.token)));
      expect(answers.filter((a) => !a.errors).length).toBe(1);
      expect(answers.filter((a) => a.errors).map((a) => a.errors![0].extensions?.key)).toEqual(['service.alreadyDecided', 'service.alreadyDecided', 'service.alreadyDecided']);
      expect(await api.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'service.approveReport' AND subject_id = $1`, [id])).toEqual([{ n: 1 }]);
      expect(await api.sql(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'service.verified' AND aggregate_id = $1`, [id])).toEqual([{ n: 1 }]);
      expect((await api.ok(MINUTES, {}, v.token)).me.serviceMinutes).toBe(45);
    });

    it('should leave checked-in records to verifyService', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -1, hours: 3, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v);
      await api.ok(CHECK_IN, { id: claimId }, v.token);
      const record = (await api.ok(CHECK_OUT, { id: claimId }, v.token)).checkOut.serviceRecord;
      expect(await api.fails(DECIDE, { input: { serviceRecordId: record.id, approve: true } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('recordServiceHours', () => {
    it('should record verified hours for a volunteer at once, audited, and tell them', async () => {
      const v = await api.make.user();
      const { recordServiceHours: r } = await api.ok(RECORD, { input: { ...report({ minutes: 150 }), volunteerId: v.id } }, coordinator.token);
      expect(r).toMatchObject({ source: 'REPORTED', status: 'VERIFIED', minutes: 150, task: null, volunteer: { id: v.id }, reportedBy: { id: coordinator.id } });
      expect(await api.sql(`SELECT actor_user_id, detail->>'volunteerId' AS volunteer, (detail->>'minutes')::int AS minutes FROM audit_entry WHERE action = 'service.record' AND subject_id = $1`, [r.id])).toEqual([
        { actor_user_id: coordinator.id, volunteer: v.id, minutes: 150 },
      ]);
      expect((await api.ok(MINUTES, {}, v.token)).me).toEqual({ serviceMinutes: 150, checkedInMinutes: 0, reportedMinutes: 150 });
      await api.eventsSettled();
      const [told] = await inbox(v);
      expect(told).toMatchObject({ kind: 'SERVICE_HOURS_RECORDED', title: '组织为您登记了服务时长', link: '/my-shifts' });
      expect(await api.notificationKinds(v)).toEqual(['SERVICE_HOURS_RECORDED']);
    });

    it('should refuse to record hours for oneself, by a non-coordinator, or for nobody', async () => {
      const [v, member] = await api.make.users(2);
      await api.make.member(orgId, member, 'MEMBER');
      expect(await api.fails(RECORD, { input: { ...report(), volunteerId: coordinator.id } }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(RECORD, { input: { ...report(), volunteerId: v.id } }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(RECORD, { input: { ...report(), volunteerId: v.id } }, v.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(RECORD, { input: { ...report(), volunteerId: NOWHERE } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'volunteerId' });
      expect(await api.fails(RECORD, { input: { ...report({ minutes: -5 }), volunteerId: v.id } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
      expect(await api.fails(RECORD, { input: { ...report({ date: day(-2) }), volunteerId: v.id } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
      expect(await countRecords(v)).toBe(0);
    });
  });

  describe('both kinds together', () => {
    it('should count checked-in and reported minutes in serviceMinutes, apart in their parts, and list each kind in its own list', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -2, hours: 3, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v, 'CHECKED_IN', { check_in_at: new Date(Date.now() - 90 * 60_000) });
      const checkedIn = (await api.ok(VERIFY, { input: { claimId, approve: true } }, coordinator.token)).verifyService;
      expect(checkedIn).toMatchObject({ status: 'VERIFIED', minutes: 90, source: 'CHECKED_IN' });
      const recorded = (await api.ok(RECORD, { input: { ...report({ minutes: 40 }), volunteerId: v.id } }, coordinator.token)).recordServiceHours;
      const pending = (await api.ok(REPORT, { input: report({ minutes: 500 }) }, v.token)).reportServiceHours; // pending: not counted
      expect((await api.ok(MINUTES, {}, v.token)).me).toEqual({ serviceMinutes: 130, checkedInMinutes: 90, reportedMinutes: 40 });

      // myServiceRecords keeps to attended claims, as the client contract has it: every record has its claim.
      const mine = (await api.ok(MINE, {}, v.token)).myServiceRecords;
      const shiftDay = new Date(Date.now() - 2 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(mine).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              id: checkedIn.id,
              source: 'CHECKED_IN',
              minutes: 90,
              status: 'VERIFIED',
              verifiedAt: expect.any(String),
              servedOn: shiftDay,
              claim: { id: claimId },
              organization: { id: orgId },
              task: { id: t.id },
              volunteer: { id: v.id },
            },
          },
        ],
      });
      // The reported ones, newest first.
      const reported = (await api.ok(MY_REPORTED, {}, v.token)).myReportedService;
      expect(reported.totalCount).toBe(2);
      expect(reported.edges.map((e: any) => [e.node.id, e.node.source, e.node.status])).toEqual([
        [pending.id, 'REPORTED', 'PENDING'],
        [recorded.id, 'REPORTED', 'VERIFIED'],
      ]);
      expect(reported.edges[0].node).toMatchObject({ organization: { id: orgId }, servedOn: day(1), volunteer: { id: v.id }, reportedBy: { id: v.id }, task: null });
    });

    it('should list the reports of a resident to their proxy, page by page, and to nobody else', async () => {
      const [resident, proxy, stranger] = await api.make.users(3);
      await api.make.proxyGrant(resident, proxy);
      const older = (await api.ok(REPORT, { input: report({ minutes: 30 }) }, resident.token)).reportServiceHours;
      const newer = (await api.ok(REPORT, { input: report({ minutes: 45, onBehalfOfUserId: resident.id }) }, proxy.token)).reportServiceHours;
      const page1 = (await api.ok(MY_REPORTED, { first: 1, volunteerId: resident.id }, proxy.token)).myReportedService;
      expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: newer.id, reportedBy: { id: proxy.id }, volunteer: { id: resident.id } } }] });
      const page2 = (await api.ok(MY_REPORTED, { first: 1, after: page1.pageInfo.endCursor, volunteerId: resident.id }, proxy.token)).myReportedService;
      expect(page2).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: older.id, reportedBy: { id: resident.id } } }] });
      // The proxy's own list holds none of the resident's.
      expect((await api.ok(MY_REPORTED, {}, proxy.token)).myReportedService.totalCount).toBe(0);
      for (const who of [stranger, coordinator]) expect(await api.fails(MY_REPORTED, { volunteerId: resident.id }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(MY_REPORTED, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.fails(MY_REPORTED, { volunteerId: 'nope' }, proxy.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('should hold each kind of record to its facts in the database', async () => {
      const v = await api.make.user();
      await expect(api.sql(`INSERT INTO service_record (volunteer_id, minutes, source) VALUES ($1, 10, 'CHECKED_IN')`, [v.id])).rejects.toThrow(/service_record_source_facts/);
      await expect(
        api.sql(`INSERT INTO service_record (volunteer_id, minutes, source, organization_id, served_on, reported_by_id) VALUES ($1, 10, 'REPORTED', $2, current_date, $1)`, [v.id, orgId]),
      ).rejects.toThrow(/service_record_source_facts/);
      const other = await api.make.organization(regions.grid.id);
      const otherTask = await api.make.task(other, regions.grid);
      await expect(
        api.sql(`INSERT INTO service_record (volunteer_id, minutes, source, organization_id, task_id, served_on, description, reported_by_id) VALUES ($1, 10, 'REPORTED', $2, $3, current_date, 'x', $1)`, [v.id, orgId, otherTask.id]),
      ).rejects.toThrow(/service_record_task_of_organization/);
      expect(await countRecords(v)).toBe(0);
    });

    it('should complete a finished task whatever reported records name it', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -3, hours: 1, capacity: 3 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v, 'CHECKED_IN', { check_in_at: new Date(Date.now() - 3 * 3_600_000) });
      await api.ok(REPORT, { input: report({ taskId: t.id }) }, v.token); // pending, and no claim of the task's
      const tasks = api.get(TasksService);
      expect(await tasks.completeIfFinished(RequestContext.system(), t.id)).toBe(false); // the checked-in minutes are undecided
      await api.ok(VERIFY, { input: { claimId, approve: true } }, coordinator.token);
      expect(await api.sql(`SELECT status FROM task WHERE id = $1`, [t.id])).toEqual([{ status: 'COMPLETED' }]);
    });
  });

  describe('the check-in kiosk', () => {
    /** A shift under way (the kiosk checks nobody out before the start), with two volunteers expected and one waiting. */
    const setUp = async () => {
      const t = await api.make.task(orgId, regions.grid, { requiresCheckInCode: true, shifts: [{ startInHours: -0.25, hours: 2, capacity: 5 }] });
      const [v, w, waiting] = await api.make.users(3);
      const claimV = await api.make.claim(t.shiftIds[0], v);
      const claimW = await api.make.claim(t.shiftIds[0], w);
      await api.make.claim(t.shiftIds[0], waiting, 'WAITLISTED');
      await api.sql(`UPDATE user_account SET display_name = '王小明' WHERE id = $1`, [v.id]);
      return { t, v, w, waiting, claimV, claimW, shiftId: t.shiftIds[0] };
    };

    it('should find the expected volunteers by the last 4 digits, masked, and nobody else', async () => {
      const { v, waiting, claimV, shiftId } = await setUp();
      const found = (await api.ok(KIOSK, { shiftId, digits: v.phone.slice(-4) }, coordinator.token)).kioskExpected;
      expect(found).toEqual([{ claimId: claimV, name: '王*明', phone: `*******${v.phone.slice(-4)}`, status: 'CONFIRMED', checkInAt: null, checkOutAt: null }]);
      expect(JSON.stringify(found)).not.toContain(v.phone);
      // A waitlisted claim holds no place: not expected.
      expect((await api.ok(KIOSK, { shiftId, digits: waiting.phone.slice(-4) }, coordinator.token)).kioskExpected.filter((e: any) => e.phone.endsWith(waiting.phone.slice(-4)) && e.claimId !== claimV)).toEqual([]);
      const member = await api.make.user();
      await api.make.member(orgId, member, 'MEMBER');
      for (const who of [v, member]) expect(await api.fails(KIOSK, { shiftId, digits: v.phone.slice(-4) }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(KIOSK, { shiftId, digits: v.phone.slice(-4) })).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const digits of ['123', '12345', 'abcd', '']) expect(await api.fails(KIOSK, { shiftId, digits }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phoneLast4' });
      expect(await api.fails(KIOSK, { shiftId: NOWHERE, digits: '1234' }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'shiftId' });
    });

    it('should check the volunteer in and out as the coordinator at the kiosk, without the code, audited', async () => {
      const { v, w, claimV, claimW, shiftId } = await setUp();
      const input = { shiftId, claimId: claimV, phoneLast4: v.phone.slice(-4) };
      expect(await api.fails(KIOSK_IN, { input: { ...input, phoneLast4: w.phone.slice(-4) === v.phone.slice(-4) ? '0000' : w.phone.slice(-4) } }, coordinator.token)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'phoneLast4',
        key: 'kiosk.phoneMismatch',
      });
      expect(await api.fails(KIOSK_IN, { input }, v.token)).toMatchObject({ code: 'FORBIDDEN' });
      const other = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, capacity: 2 }] });
      expect(await api.fails(KIOSK_IN, { input: { ...input, shiftId: other.shiftIds[0] } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'claimId' });

      const { kioskCheckIn } = await api.ok(KIOSK_IN, { input }, coordinator.token);
      expect(kioskCheckIn).toMatchObject({ claimId: claimV, name: '王*明', status: 'CHECKED_IN' });
      expect(kioskCheckIn.checkInAt).toBeTruthy();
      expect(await api.fails(KIOSK_IN, { input }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'checkIn.already' });
      const { kioskCheckOut } = await api.ok(KIOSK_OUT, { input }, coordinator.token);
      expect(kioskCheckOut).toMatchObject({ claimId: claimV, status: 'ATTENDED' });
      expect(await api.sql(`SELECT source, status FROM service_record WHERE claim_id = $1`, [claimV])).toEqual([{ source: 'CHECKED_IN', status: 'PENDING' }]);
      expect(await api.sql(`SELECT action, actor_user_id FROM audit_entry WHERE subject_id = $1 AND action LIKE 'kiosk.%' ORDER BY id`, [claimV])).toEqual([
        { action: 'kiosk.checkIn', actor_user_id: coordinator.id },
        { action: 'kiosk.checkOut', actor_user_id: coordinator.id },
      ]);
      expect(await api.fails(KIOSK_OUT, { input: { shiftId, claimId: claimW, phoneLast4: w.phone.slice(-4) } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'checkOut.notCheckedIn' });
    });

    it('should refuse a check-out at the kiosk before the shift starts, changing nothing', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, hours: 2, capacity: 2 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v);
      const input = { shiftId: t.shiftIds[0], claimId, phoneLast4: v.phone.slice(-4) };
      expect((await api.ok(KIOSK_IN, { input }, coordinator.token)).kioskCheckIn.status).toBe('CHECKED_IN');
      expect(await api.fails(KIOSK_OUT, { input }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'checkOut.beforeStart' });
      expect(await api.sql(`SELECT status, check_out_at FROM shift_claim WHERE id = $1`, [claimId])).toEqual([{ status: 'CHECKED_IN', check_out_at: null }]);
      expect(await api.sql(`SELECT id FROM service_record WHERE claim_id = $1`, [claimId])).toEqual([]);
      expect(await api.sql(`SELECT action FROM audit_entry WHERE subject_id = $1 AND action = 'kiosk.checkOut'`, [claimId])).toEqual([]);
      // Once the shift has started, the same press checks the volunteer out.
      clock.travel(20 * 60_000);
      try {
        const { kioskCheckOut } = await api.ok(KIOSK_OUT, { input }, await api.make.token(coordinator.id));
        expect(kioskCheckOut).toMatchObject({ claimId, status: 'ATTENDED' });
      } finally {
        clock.reset();
      }
    });

    it('should say when check-in has not opened yet', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 5, capacity: 2 }] });
      const v = await api.make.user();
      const claimId = await api.make.claim(t.shiftIds[0], v);
      expect(await api.fails(KIOSK_IN, { input: { shiftId: t.shiftIds[0], claimId, phoneLast4: v.phone.slice(-4) } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'checkIn.notYetOpen' });
      expect(await api.sql(`SELECT status FROM shift_claim WHERE id = $1`, [claimId])).toEqual([{ status: 'CONFIRMED' }]);
    });

    it('should limit the look-ups of one coordinator', async () => {
      const { regions: r, coordinator: c, orgId: org } = await api.make.coordinatedOrganization();
      const t = await api.make.task(org, r.grid, { shifts: [{ startInHours: 1, capacity: 2 }] });
      let limited: { code?: string; key?: string } | undefined;
      for (let batch = 0; batch < 32 && !limited; batch++) {
        const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => api.gql(KIOSK, { shiftId: t.shiftIds[0], digits: String(batch * 10 + i).padStart(4, '0') }, c.token)));
        const e = answers.find((a) => a.errors?.length)?.errors?.[0].extensions;
        if (e) limited = { code: e.code, key: e.key };
      }
      expect(limited).toEqual({ code: 'RATE_LIMITED', key: 'kiosk.tooManyLookups' });
    });
  });
});
