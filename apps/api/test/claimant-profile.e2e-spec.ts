import { maskPhone } from '@civicgrid/identity';
import { statementCounter } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const CARD = `query($id: ID!) { claimantProfile(claimId: $id) { volunteerId displayName skills verifiedMinutes attendanceRate tasksServed memberSince phone phoneShared } }`;
const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status phoneShared } }`;
const SHARE = `mutation($id: ID!, $share: Boolean!) { shareClaimPhone(input: { claimId: $id, share: $share }) { id phoneShared volunteerProfile { phone phoneShared } } }`;
const SHIFT_CLAIMS = `query($id: ID!) { task(id: $id) { shifts { claims(first: 50) { edges { node { id volunteer { id } volunteerProfile { displayName verifiedMinutes attendanceRate tasksServed phone } } } } } } }`;

/** The card the organisers of a shift open to judge who claimed it, and the phone the volunteer may share for one shift. */
describe('claimant profile', () => {
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

  const phoneReads = async (subjectId: string) =>
    api.sql<{ actor_user_id: string; detail: Record<string, unknown> }>(`SELECT actor_user_id, detail FROM audit_entry WHERE action = 'pii.read' AND subject_id = $1 ORDER BY id`, [subjectId]);

  it("should show the organisation's coordinator the claimant's card with hours, attendance and tasks served, the phone masked", async () => {
    const volunteer = await api.make.user({ skills: ['first_aid'], displayName: '刘志愿' });
    const past = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -30, capacity: 5 }, { startInHours: -6, capacity: 5 }] });
    const attended = await api.make.claim(past.shiftIds[0], volunteer, 'ATTENDED', { check_in_at: new Date(Date.now() - 30 * 3600_000), check_out_at: new Date(Date.now() - 28 * 3600_000) });
    await api.make.claim(past.shiftIds[1], volunteer, 'NO_SHOW');
    await api.sql(`INSERT INTO service_record (claim_id, volunteer_id, minutes, status, verified_at, verified_by_id) VALUES ($1, $2, 120, 'VERIFIED', now(), $3)`, [attended, volunteer.id, coordinator.id]);
    const ahead = await api.make.task(orgId, regions.grid);
    const { claimShift } = await api.ok(CLAIM, { input: { shiftId: ahead.shiftIds[0] } }, volunteer.token);

    const { claimantProfile } = await api.ok(CARD, { id: claimShift.id }, coordinator.token);

    expect(claimantProfile).toEqual({
      volunteerId: volunteer.id,
      displayName: '刘志愿',
      skills: ['first_aid'],
      verifiedMinutes: 120,
      attendanceRate: 0.5,
      tasksServed: 1,
      memberSince: expect.any(String),
      phone: maskPhone(volunteer.phone),
      phoneShared: false,
    });
    expect(claimantProfile.phone).not.toBe(volunteer.phone);
    expect(await phoneReads(volunteer.id)).toEqual([]);
  });

  it('should refuse the card with FORBIDDEN to coordinators of another organisation and to other volunteers', async () => {
    const volunteer = await api.make.user();
    const task = await api.make.task(orgId, regions.grid);
    const { claimShift } = await api.ok(CLAIM, { input: { shiftId: task.shiftIds[0] } }, volunteer.token);
    const other = await api.make.coordinatedOrganization();
    const stranger = await api.make.user();
    const plainMember = await api.make.user();
    await api.make.member(orgId, plainMember, 'MEMBER');

    for (const who of [other.coordinator, stranger, plainMember]) {
      expect(await api.fails(CARD, { id: claimShift.id }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await api.fails(CARD, { id: '00000000-0000-4000-8000-000000000000' }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'claimId' });
  });

  it('should show the volunteer their own card with their full phone', async () => {
    const volunteer = await api.make.user();
    const task = await api.make.task(orgId, regions.grid);
    const { claimShift } = await api.ok(CLAIM, { input: { shiftId: task.shiftIds[0] } }, volunteer.token);
    expect((await api.ok(CARD, { id: claimShift.id }, volunteer.token)).claimantProfile).toMatchObject({ phone: volunteer.phone, phoneShared: false });
  });

  it('should show the full phone to the organisers once shared at claim time, audit each read, and mask it again when unshared', async () => {
    const volunteer = await api.make.user();
    const task = await api.make.task(orgId, regions.grid);
    const { claimShift } = await api.ok(CLAIM, { input: { shiftId: task.shiftIds[0], sharePhone: true } }, volunteer.token);
    expect(claimShift.phoneShared).toBe(true);

    expect((await api.ok(CARD, { id: claimShift.id }, coordinator.token)).claimantProfile).toMatchObject({ phone: volunteer.phone, phoneShared: true });
    expect(await phoneReads(volunteer.id)).toEqual([{ actor_user_id: coordinator.id, detail: { field: 'phone', basis: 'sharedForShift', claimId: claimShift.id } }]);

    const { shareClaimPhone } = await api.ok(SHARE, { id: claimShift.id, share: false }, volunteer.token);
    expect(shareClaimPhone).toEqual({ id: claimShift.id, phoneShared: false, volunteerProfile: { phone: volunteer.phone, phoneShared: false } });
    expect((await api.ok(CARD, { id: claimShift.id }, coordinator.token)).claimantProfile).toMatchObject({ phone: maskPhone(volunteer.phone), phoneShared: false });
    expect(await phoneReads(volunteer.id)).toHaveLength(1);
  });

  it('should share the phone for that claim only when shared later, and not with the organisers of another shift', async () => {
    const volunteer = await api.make.user();
    const mine = await api.make.task(orgId, regions.grid);
    const other = await api.make.coordinatedOrganization();
    const theirs = await api.make.task(other.orgId, other.regions.grid, { shifts: [{ startInHours: 48, capacity: 5 }] });
    const here = (await api.ok(CLAIM, { input: { shiftId: mine.shiftIds[0] } }, volunteer.token)).claimShift;
    const there = (await api.ok(CLAIM, { input: { shiftId: theirs.shiftIds[0] } }, volunteer.token)).claimShift;

    await api.ok(SHARE, { id: here.id, share: true }, volunteer.token);

    expect((await api.ok(CARD, { id: here.id }, coordinator.token)).claimantProfile.phone).toBe(volunteer.phone);
    expect((await api.ok(CARD, { id: there.id }, other.coordinator.token)).claimantProfile.phone).toBe(maskPhone(volunteer.phone));
    expect(await api.sql(`SELECT action, detail->>'basis' AS basis FROM audit_entry WHERE subject_id = $1 AND action LIKE 'claim.%Phone'`, [here.id])).toEqual([{ action: 'claim.sharePhone', basis: 'self' }]);
  });

  it("should let a proxy share the resident's phone and refuse the organisers and strangers", async () => {
    const resident = await api.make.user();
    const proxy = await api.make.user();
    await api.make.proxyGrant(resident, proxy);
    const task = await api.make.task(orgId, regions.grid);
    const claimId = await api.make.claim(task.shiftIds[0], resident);

    expect(await api.fails(SHARE, { id: claimId, share: true }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.fails(SHARE, { id: claimId, share: true }, (await api.make.user()).token)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.ok(SHARE, { id: claimId, share: true }, proxy.token)).shareClaimPhone.phoneShared).toBe(true);
    expect((await api.ok(CARD, { id: claimId }, proxy.token)).claimantProfile.phone).toBe(resident.phone);
  });

  it('should refuse to share the phone on a cancelled claim with CONFLICT, and still let it be unshared', async () => {
    const volunteer = await api.make.user();
    const task = await api.make.task(orgId, regions.grid);
    const claimId = await api.make.claim(task.shiftIds[0], volunteer, 'CANCELLED', { phone_shared: true });
    expect(await api.fails(SHARE, { id: claimId, share: true }, volunteer.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.notStanding' });
    expect((await api.ok(SHARE, { id: claimId, share: false }, volunteer.token)).shareClaimPhone.phoneShared).toBe(false);
  });

  it("should load the cards of a shift's claimants with a fixed number of statements, whatever their number", async () => {
    const task = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 24, capacity: 20 }] });
    const countFor = async () => {
      statementCounter.count = 0;
      const { task: t } = await api.ok(SHIFT_CLAIMS, { id: task.id }, coordinator.token);
      return { statements: statementCounter.count, cards: t.shifts[0].claims.edges.map((e: { node: { volunteerProfile: unknown } }) => e.node.volunteerProfile) };
    };
    for (const v of await api.make.users(2)) await api.make.claim(task.shiftIds[0], v);
    const few = await countFor();
    for (const v of await api.make.users(6)) await api.make.claim(task.shiftIds[0], v);
    const many = await countFor();

    expect(few.cards).toHaveLength(2);
    expect(many.cards).toHaveLength(8);
    expect(many.cards.every((c: unknown) => c !== null)).toBe(true);
    expect(many.statements).toBe(few.statements);
  });
});
