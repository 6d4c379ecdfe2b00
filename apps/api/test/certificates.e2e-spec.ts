import QRCode from 'qrcode';
import { CertificatesService } from '@civicgrid/incentives';
import { Clock, RequestContext } from '@civicgrid/platform';
import { TestRegions, TestUser } from './support/factories';
import { pdfText as readPdf } from './support/pdf-text';
import { TestApi } from './support/test-api';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOWHERE = '00000000-0000-4000-8000-000000000001';

const CERT = `id serial minutes checkedInMinutes reportedMinutes periodFrom periodTo status requestedAt decidedAt publicityEndsAt issuedAt reason pdfUrl holder { id } organization { id name }`;
const REQUEST = `mutation($input: RequestCertificateInput!) { requestCertificate(input: $input) { ${CERT} } }`;
const DECIDE = `mutation($input: DecideCertificateInput!) { decideCertificate(input: $input) { ${CERT} } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { ${CERT} } }`;
const MINE = `query($first: Int, $after: String) { myCertificates(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${CERT} } } } }`;
const OF_ORG = `query($id: ID!, $status: CertificateStatus) { organizationCertificates(organizationId: $id, status: $status) { totalCount edges { node { id status holder { id } } } } }`;
const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { serial valid status holderName organizationName minutes issuedAt } }`;
const SEAL = `mutation($id: ID!, $image: String) { setOrganizationSeal(organizationId: $id, imageDataUrl: $image) { id hasSeal } }`;
const HAS_SEAL = `query($id: ID!) { organization(id: $id) { id hasSeal } }`;

describe('service-record certificates (志愿服务记录证明)', () => {
  let api: TestApi;
  let clock: Clock;
  let regions: TestRegions;
  let owner: TestUser;
  let admin: TestUser;
  let coordinator: TestUser;
  let orgId: string;
  let otherAdmin: TestUser;
  let otherOrgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.get(Clock);
    regions = await api.make.regions();
    owner = await api.make.user({ displayName: '李主任' });
    admin = await api.make.user({ displayName: '张经办' });
    coordinator = await api.make.user({ displayName: '刘协调' });
    orgId = await api.make.organization(regions.grid.id, [[owner, 'OWNER'], [admin, 'ADMIN'], [coordinator, 'COORDINATOR']], { name: '益邻社区服务中心' });
    otherAdmin = await api.make.user();
    otherOrgId = await api.make.organization(regions.grid.id, [[otherAdmin, 'ADMIN']], { name: '另一家公益组织' });
  });
  afterAll(async () => {
    await api.close();
  });
  // Sessions last 30 days of the database's time: every test starts from the real time again.
  afterEach(() => clock.reset());

  /** A fresh token at the app's clock (tokens signed before the clock moved have expired). */
  const as = (u: TestUser) => api.make.token(u.id);
  const iso = (ms: number) => new Date(ms).toISOString();
  /** The Asia/Shanghai day `daysAgo` days before the app's now, YYYY-MM-DD. */
  const day = (daysAgo: number) => new Date(clock.nowMs() + 8 * HOUR - daysAgo * DAY).toISOString().slice(0, 10);
  /** The last 30 days up to now. */
  const lastMonth = () => ({ periodFrom: iso(clock.nowMs() - 30 * DAY), periodTo: iso(clock.nowMs() - 60_000) });

  /** Verified minutes reported for the volunteer with the organisation, served `daysAgo` days ago. */
  async function reported(v: TestUser, organizationId: string, minutes: number, daysAgo = 3): Promise<void> {
    await api.sql(
      `INSERT INTO service_record (source, volunteer_id, minutes, status, verified_at, verified_by_id, organization_id, served_on, description, reported_by_id)
       VALUES ('REPORTED', $1, $2, 'VERIFIED', now(), $3, $4, $5, '按纸质签到表，周六上午清理河道', $3)`,
      [v.id, minutes, coordinator.id, organizationId, day(daysAgo)],
    );
  }

  /** Verified minutes from a shift the volunteer attended `daysAgo` days ago. */
  async function checkedIn(v: TestUser, organizationId: string, minutes: number, daysAgo = 3): Promise<void> {
    const task = await api.make.task(organizationId, regions.grid, { shifts: [{ startInHours: -24 * daysAgo, hours: 3, capacity: 5 }] });
    const at = new Date(clock.nowMs() - daysAgo * DAY);
    const claimId = await api.make.claim(task.shiftIds[0], v, 'ATTENDED', { check_in_at: at, check_out_at: new Date(at.getTime() + minutes * 60_000) });
    await api.sql(`INSERT INTO service_record (claim_id, volunteer_id, minutes, status, verified_at, verified_by_id) VALUES ($1, $2, $3, 'VERIFIED', now(), $4)`, [claimId, v.id, minutes, coordinator.id]);
  }

  /** A volunteer with 120 checked-in and 90 reported minutes with the organisation last week, and a request for the last month. */
  async function requested(name = '王小明'): Promise<{ v: TestUser; cert: any }> {
    const v = await api.make.user({ displayName: name });
    await checkedIn(v, orgId, 120);
    await reported(v, orgId, 90);
    const { requestCertificate: cert } = await api.ok(REQUEST, { input: { organizationId: orgId, ...lastMonth() } }, await as(v));
    return { v, cert };
  }

  async function approved(name = '王小明'): Promise<{ v: TestUser; cert: any }> {
    const { v, cert } = await requested(name);
    const { decideCertificate } = await api.ok(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(admin));
    return { v, cert: decideCertificate };
  }

  /** Moves the clock past the publicity and runs the job that issues certificates. */
  async function endPublicity(certificateId: string): Promise<void> {
    clock.travel(7 * DAY + 60_000);
    await api.runJobsNow('incentives.issueCertificates');
    await api.eventually(async () => (await api.sql(`SELECT status FROM service_certificate WHERE id = $1`, [certificateId]))[0].status === 'ISSUED');
  }

  async function issued(name = '王小明'): Promise<{ v: TestUser; cert: any }> {
    const { v, cert } = await approved(name);
    await endPublicity(cert.id);
    const mine = (await api.ok(MINE, {}, await as(v))).myCertificates.edges.map((e: any) => e.node);
    return { v, cert: mine.find((c: any) => c.id === cert.id) };
  }

  async function pdfText(url: string): Promise<{ status: number; type: string | null; text: string; bytes: Buffer }> {
    const res = await fetch(`${api.url}${url}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) return { status: res.status, type: res.headers.get('content-type'), text: '', bytes };
    const text = await readPdf(bytes);
    return { status: res.status, type: res.headers.get('content-type'), text: text.replace(/\s+/g, ''), bytes };
  }

  const countCertificates = async () => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM service_certificate`))[0].n;

  describe('requestCertificate', () => {
    it('should record a REQUESTED certificate with the verified minutes by kind and tell the organisation\'s admins', async () => {
      const { v, cert } = await requested();
      expect(cert).toMatchObject({ status: 'REQUESTED', serial: null, minutes: 210, checkedInMinutes: 120, reportedMinutes: 90, decidedAt: null, publicityEndsAt: null, pdfUrl: null, holder: { id: v.id }, organization: { id: orgId } });
      await api.eventsSettled();
      expect(await api.notificationKinds(owner)).toContain('CERTIFICATE_REQUESTED');
      expect(await api.notificationKinds(admin)).toContain('CERTIFICATE_REQUESTED');
      expect(await api.notificationKinds(coordinator)).not.toContain('CERTIFICATE_REQUESTED');
    });

    it('should count only minutes with that organisation inside the period', async () => {
      const v = await api.make.user();
      await reported(v, orgId, 60, 3);
      await reported(v, orgId, 45, 40);
      await reported(v, otherOrgId, 30, 3);
      await checkedIn(v, otherOrgId, 50, 3);
      const { requestCertificate: cert } = await api.ok(REQUEST, { input: { organizationId: orgId, ...lastMonth() } }, await as(v));
      expect(cert).toMatchObject({ minutes: 60, checkedInMinutes: 0, reportedMinutes: 60 });
    });

    it('should refuse a bad period, an organisation with no verified service of theirs, an unknown organisation and anonymous callers, changing nothing', async () => {
      const v = await api.make.user();
      await reported(v, orgId, 60);
      const token = await as(v);
      const before = await countCertificates();
      const now = clock.nowMs();
      expect(await api.fails(REQUEST, { input: { organizationId: orgId, periodFrom: iso(now - DAY), periodTo: iso(now - 2 * DAY) } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodTo', key: 'certificate.periodOrder' });
      expect(await api.fails(REQUEST, { input: { organizationId: orgId, periodFrom: iso(now - DAY), periodTo: iso(now - DAY) } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodTo' });
      expect(await api.fails(REQUEST, { input: { organizationId: orgId, periodFrom: iso(now - DAY), periodTo: iso(now + DAY) } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodTo', key: 'certificate.periodFuture' });
      expect(await api.fails(REQUEST, { input: { organizationId: otherOrgId, ...lastMonth() } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId', key: 'certificate.noService' });
      expect(await api.fails(REQUEST, { input: { organizationId: NOWHERE, ...lastMonth() } }, token)).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(await api.fails(REQUEST, { input: { organizationId: orgId, periodFrom: 'yesterday', periodTo: iso(now - DAY) } }, token)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await api.fails(REQUEST, { input: { organizationId: orgId, ...lastMonth() } })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await countCertificates()).toBe(before);
    });

    it('should keep one open request per organisation and period, even when sent twice at once', async () => {
      const v = await api.make.user();
      await reported(v, orgId, 60);
      const token = await as(v);
      const input = { organizationId: orgId, ...lastMonth() };
      const results = await Promise.all([api.gql(REQUEST, { input }, token), api.gql(REQUEST, { input }, token)]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.find((r) => r.errors)!.errors![0].extensions).toMatchObject({ code: 'CONFLICT', key: 'certificate.alreadyRequested' });
      expect((await api.ok(MINE, {}, token)).myCertificates.totalCount).toBe(1);
    });
  });

  describe('decideCertificate', () => {
    it('should approve with a unique serial, 7 days of publicity and the minutes fixed as verified then, audited, and tell the holder', async () => {
      const { v, cert } = await requested();
      const { decideCertificate: d } = await api.ok(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(admin));
      expect(d).toMatchObject({ status: 'PUBLICITY', minutes: 210, checkedInMinutes: 120, reportedMinutes: 90, pdfUrl: null, issuedAt: null });
      expect(d.serial).toMatch(/^CG-\d{4}-\d{6}$/);
      expect(new Date(d.publicityEndsAt).getTime() - new Date(d.decidedAt).getTime()).toBe(7 * DAY);
      // Minutes verified afterwards do not change what was certified.
      await reported(v, orgId, 30);
      const [mine] = (await api.ok(MINE, {}, await as(v))).myCertificates.edges.map((e: any) => e.node);
      expect(mine).toMatchObject({ id: cert.id, minutes: 210 });
      expect(await api.sql(`SELECT actor_user_id, detail->>'serial' AS serial FROM audit_entry WHERE action = 'certificate.approve' AND subject_id = $1`, [cert.id])).toEqual([{ actor_user_id: admin.id, serial: d.serial }]);
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toEqual(['CERTIFICATE_APPROVED']);
      // During publicity it is not yet valid.
      expect((await api.ok(VERIFY, { serial: d.serial })).verifyCertificate).toMatchObject({ serial: d.serial, valid: false, status: 'PUBLICITY', holderName: '王*明' });
    });

    it('should give each approval its own serial', async () => {
      const a = await approved('陈一');
      const b = await approved('陈二');
      expect(a.cert.serial).not.toBe(b.cert.serial);
    });

    it('should reject with a reason, tell the holder, and let them ask again', async () => {
      const { v, cert } = await requested();
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: false } }, await as(admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: false, reason: '   ' } }, await as(admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const { decideCertificate: d } = await api.ok(DECIDE, { input: { certificateId: cert.id, approve: false, reason: '服务期间与记录不符' } }, await as(owner));
      expect(d).toMatchObject({ status: 'REJECTED', reason: '服务期间与记录不符', serial: null });
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toEqual(['CERTIFICATE_REJECTED']);
      const again = await api.ok(REQUEST, { input: { organizationId: orgId, periodFrom: cert.periodFrom, periodTo: cert.periodTo } }, await as(v));
      expect(again.requestCertificate.status).toBe('REQUESTED');
    });

    it('should refuse a coordinator, another organisation\'s admin, the holder, an admin deciding their own certificate, and a second decision', async () => {
      const { v, cert } = await requested();
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(coordinator))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(otherAdmin))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(v))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DECIDE, { input: { certificateId: NOWHERE, approve: true } }, await as(admin))).toMatchObject({ code: 'NOT_FOUND', field: 'certificateId' });

      // An admin who served with their own organisation cannot certify themselves.
      const servingAdmin = await api.make.user();
      await api.make.member(orgId, servingAdmin, 'ADMIN');
      await reported(servingAdmin, orgId, 60);
      const own = (await api.ok(REQUEST, { input: { organizationId: orgId, ...lastMonth() } }, await as(servingAdmin))).requestCertificate;
      expect(await api.fails(DECIDE, { input: { certificateId: own.id, approve: true } }, await as(servingAdmin))).toMatchObject({ code: 'FORBIDDEN' });

      await api.ok(DECIDE, { input: { certificateId: cert.id, approve: true } }, await as(admin));
      expect(await api.fails(DECIDE, { input: { certificateId: cert.id, approve: false, reason: '改变主意' } }, await as(owner))).toMatchObject({ code: 'CONFLICT', key: 'certificate.alreadyDecided' });
      expect((await api.sql(`SELECT status FROM service_certificate WHERE id = $1`, [cert.id]))[0].status).toBe('PUBLICITY');
    });
  });

  describe('publicity, issue and the PDF', () => {
    it('should stay in publicity until it ends, then be ISSUED by the job, valid, with a PDF link for the holder only', async () => {
      const { v, cert } = await approved();
      // Not due yet: running the job's work changes nothing.
      expect(await api.get(CertificatesService).issueDue(RequestContext.system())).toBe(0);
      await endPublicity(cert.id);
      const [mine] = (await api.ok(MINE, {}, await as(v))).myCertificates.edges.map((e: any) => e.node);
      expect(mine).toMatchObject({ id: cert.id, status: 'ISSUED' });
      expect(new Date(mine.issuedAt).getTime()).toBeGreaterThanOrEqual(new Date(cert.publicityEndsAt).getTime());
      expect(mine.pdfUrl).toMatch(new RegExp(`^/api/certificates/${cert.id}\\.pdf\\?expires=\\d+&signature=[\\w-]+$`));
      const queue = (await api.ok(`query($id: ID!) { organizationCertificates(organizationId: $id, status: ISSUED) { edges { node { id pdfUrl } } } }`, { id: orgId }, await as(admin))).organizationCertificates.edges.map((e: any) => e.node);
      expect(queue.find((c: any) => c.id === cert.id)).toEqual({ id: cert.id, pdfUrl: null });
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toEqual(['CERTIFICATE_APPROVED', 'CERTIFICATE_ISSUED']);
      expect((await api.ok(VERIFY, { serial: cert.serial })).verifyCertificate).toMatchObject({ serial: cert.serial, valid: true, status: 'ISSUED', holderName: '王*明', organizationName: '益邻社区服务中心', minutes: 210, issuedAt: mine.issuedAt });
    });

    it('should serve a PDF whose text names the holder, organisation, minutes by kind, serial, person in charge and handler, in Chinese', async () => {
      const { v, cert } = await issued('王小明');
      const { status, type, text } = await pdfText(cert.pdfUrl);
      expect(status).toBe(200);
      expect(type).toBe('application/pdf');
      for (const words of ['志愿服务记录证明', '王小明', '益邻社区服务中心', cert.serial, '负责人：李主任', '经办人：张经办', '3小时30分钟', '现场签到记录的服务2小时', '补录的服务（纸质签到表等）1小时30分钟', '扫码核验', `/verify/${cert.serial}`]) {
        expect(text).toContain(words.replace(/\s+/g, ''));
      }
      // Nothing that identifies the holder beyond their name.
      expect(text).not.toContain(v.phone);
    });

    it('should refuse a tampered or expired link, and a revoked certificate\'s', async () => {
      const { cert } = await issued();
      expect((await fetch(`${api.url}${cert.pdfUrl.replace(/signature=./, 'signature=x')}`)).status).toBe(403);
      expect((await fetch(`${api.url}${cert.pdfUrl.replace(/expires=\d+/, (m: string) => `expires=${Number(m.slice(8)) + 1}`)}`)).status).toBe(403);
      expect((await fetch(`${api.url}/api/certificates/${cert.id}.pdf`)).status).toBe(403);
      expect((await fetch(`${api.url}/api/certificates/not-an-id.pdf?expires=1&signature=x`)).status).toBe(404);
      await api.ok(REVOKE, { id: cert.id, reason: '记录有误' }, await as(admin));
      expect((await fetch(`${api.url}${cert.pdfUrl}`)).status).toBe(404);
      const fresh = await issued();
      clock.travel(2 * HOUR);
      expect((await fetch(`${api.url}${fresh.cert.pdfUrl}`)).status).toBe(403);
    });

    it('should print the organisation\'s seal once uploaded', async () => {
      const { cert } = await issued();
      const without = await pdfText(cert.pdfUrl);
      const png = await QRCode.toBuffer('益邻社区服务中心 印章', { width: 200 });
      expect((await api.ok(SEAL, { id: orgId, image: `data:image/png;base64,${png.toString('base64')}` }, await as(owner))).setOrganizationSeal).toEqual({ id: orgId, hasSeal: true });
      const [mine] = (await api.ok(MINE, {}, await as({ id: cert.holder.id } as TestUser))).myCertificates.edges.map((e: any) => e.node);
      const withSeal = await pdfText(mine.pdfUrl);
      // Image objects: the QR code alone, then the seal too (with its transparency mask).
      const images = (b: Buffer) => (b.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
      expect(images(withSeal.bytes)).toBeGreaterThan(images(without.bytes));
      expect(withSeal.text).toBe(without.text);
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'organization.setSeal' AND subject_id = $1`, [orgId])).toEqual([{ actor_user_id: owner.id }]);
      await api.ok(SEAL, { id: orgId, image: null }, await as(owner));
    });
  });

  describe('revokeCertificate', () => {
    it('should revoke an issued certificate with a reason, audited, tell the holder, and show it invalid', async () => {
      const { v, cert } = await issued();
      expect(await api.fails(REVOKE, { id: cert.id, reason: '记录有误' }, await as(coordinator))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(REVOKE, { id: cert.id, reason: '记录有误' }, await as(otherAdmin))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(REVOKE, { id: cert.id, reason: ' ' }, await as(admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const { revokeCertificate: r } = await api.ok(REVOKE, { id: cert.id, reason: '记录有误' }, await as(admin));
      expect(r).toMatchObject({ status: 'REVOKED', reason: '记录有误', pdfUrl: null });
      expect(await api.sql(`SELECT actor_user_id, detail->>'reason' AS reason FROM audit_entry WHERE action = 'certificate.revoke' AND subject_id = $1`, [cert.id])).toEqual([{ actor_user_id: admin.id, reason: '记录有误' }]);
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toEqual(['CERTIFICATE_APPROVED', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED']);
      expect((await api.ok(VERIFY, { serial: cert.serial })).verifyCertificate).toMatchObject({ valid: false, status: 'REVOKED' });
      expect(await api.fails(REVOKE, { id: cert.id, reason: '再次撤销' }, await as(admin))).toMatchObject({ code: 'CONFLICT', key: 'certificate.notRevocable' });
    });

    it('should revoke one in publicity, so that it is never issued, and refuse a mere request', async () => {
      const { cert } = await approved();
      await api.ok(REVOKE, { id: cert.id, reason: '公示期间收到异议' }, await as(owner));
      const pending = await requested();
      expect(await api.fails(REVOKE, { id: pending.cert.id, reason: '不适用' }, await as(admin))).toMatchObject({ code: 'CONFLICT', key: 'certificate.notRevocable' });
      expect(await api.fails(REVOKE, { id: NOWHERE, reason: '不适用' }, await as(admin))).toMatchObject({ code: 'NOT_FOUND' });
      clock.travel(8 * DAY);
      await api.get(CertificatesService).issueDue(RequestContext.system());
      expect((await api.sql(`SELECT status FROM service_certificate WHERE id = $1`, [cert.id]))[0].status).toBe('REVOKED');
    });
  });

  describe('lists', () => {
    it("should list the holder's certificates and the organisation's queue to its ADMIN+ only", async () => {
      const { v, cert } = await requested();
      const page = (await api.ok(MINE, { first: 1 }, await as(v))).myCertificates;
      expect(page).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
      const queue = (await api.ok(OF_ORG, { id: orgId, status: 'REQUESTED' }, await as(admin))).organizationCertificates;
      expect(queue.edges.map((e: any) => e.node)).toContainEqual({ id: cert.id, status: 'REQUESTED', holder: { id: v.id } });
      expect(queue.edges.every((e: any) => e.node.status === 'REQUESTED')).toBe(true);
      expect(await api.fails(OF_ORG, { id: orgId }, await as(coordinator))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(OF_ORG, { id: orgId }, await as(otherAdmin))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(OF_ORG, { id: orgId }, await as(v))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(OF_ORG, { id: NOWHERE }, await as(admin))).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(await api.fails(MINE, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('setOrganizationSeal', () => {
    it('should take a PNG or JPEG checked by its bytes, up to 300 kB, from ADMIN+ only; null removes it', async () => {
      const png = await QRCode.toBuffer('seal', { width: 120 });
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
      const token = await as(otherAdmin);
      const fails = (image: string) => api.fails(SEAL, { id: otherOrgId, image }, token);
      expect(await fails('not a data url')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageDataUrl', key: 'seal.notImage' });
      expect(await fails(`data:image/gif;base64,${png.toString('base64')}`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageDataUrl' });
      expect(await fails(`data:image/png;base64,${jpeg.toString('base64')}`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageDataUrl', key: 'seal.notImage' });
      expect(await fails(`data:image/jpeg;base64,${png.toString('base64')}`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageDataUrl', key: 'seal.notImage' });
      const big = Buffer.concat([png.subarray(0, 8), Buffer.alloc(300 * 1024, 7)]);
      expect(await fails(`data:image/png;base64,${big.toString('base64')}`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageDataUrl', key: 'seal.tooLarge' });
      expect((await api.ok(HAS_SEAL, { id: otherOrgId })).organization.hasSeal).toBe(false);

      expect(await api.fails(SEAL, { id: orgId, image: `data:image/png;base64,${png.toString('base64')}` }, await as(coordinator))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(SEAL, { id: orgId, image: `data:image/png;base64,${png.toString('base64')}` }, token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(SEAL, { id: NOWHERE, image: null }, token)).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });

      expect((await api.ok(SEAL, { id: otherOrgId, image: `data:image/jpeg;base64,${jpeg.toString('base64')}` }, token)).setOrganizationSeal.hasSeal).toBe(true);
      expect((await api.ok(SEAL, { id: otherOrgId, image: `data:image/png;base64,${png.toString('base64')}` }, token)).setOrganizationSeal.hasSeal).toBe(true);
      expect((await api.ok(SEAL, { id: otherOrgId, image: null }, token)).setOrganizationSeal.hasSeal).toBe(false);
      expect((await api.ok(HAS_SEAL, { id: otherOrgId })).organization.hasSeal).toBe(false);
    });
  });

  describe('verifyCertificate', () => {
    it('should answer null for an unknown or malformed serial', async () => {
      expect((await api.ok(VERIFY, { serial: 'CG-2026-999999' })).verifyCertificate).toBeNull();
      expect((await api.ok(VERIFY, { serial: "'; DROP TABLE service_certificate; --" })).verifyCertificate).toBeNull();
    });

    it('should limit look-ups per client: the 31st in ten minutes is RATE_LIMITED, other clients unaffected, and the window passes', async () => {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      for (let i = 0; i < 30; i++) expect((await api.gql(VERIFY, { serial: `CG-2026-${String(i).padStart(6, '0')}` }, undefined, from('203.0.113.7'))).errors).toBeUndefined();
      const limited = await api.gql(VERIFY, { serial: 'CG-2026-000001' }, undefined, from('203.0.113.7'));
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', key: 'certificate.verifyRateLimited' });
      expect((await api.gql(VERIFY, { serial: 'CG-2026-000001' }, undefined, from('203.0.113.8'))).errors).toBeUndefined();
      clock.travel(11 * 60_000);
      expect((await api.gql(VERIFY, { serial: 'CG-2026-000001' }, undefined, from('203.0.113.7'))).errors).toBeUndefined();
    });
  });
});
