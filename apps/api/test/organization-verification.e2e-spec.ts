import { isRegistrationNumber } from '@civicgrid/organizations';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { id verified verificationStatus } }`;
const REJECT = `mutation($input: RejectOrganizationInput!) { rejectOrganization(input: $input) { id verified verificationStatus review { status note reviewedAt answer } } }`;
const ASK = `mutation($input: RequestOrganizationInfoInput!) { requestOrganizationInfo(input: $input) { id verificationStatus review { status note } } }`;
const RESUBMIT = `mutation($input: ResubmitOrganizationInput!) { resubmitOrganization(input: $input) { id verificationStatus description registrationNumber review { status note answer } } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name nameEn description registrationNumber verificationStatus } }`;
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id registrationNumber verificationStatus } }`;
const DETAILS = `query($id: ID!) { organization(id: $id) { id verificationStatus review { status note answer } ownerContact { userId displayName phone } members(first: 10) { totalCount } } }`;
const DESK = `query($region: ID) { organizations(filter: { verificationStatuses: [PENDING, INFO_REQUESTED], regionId: $region }, first: 50) { edges { node { id verificationStatus } } } }`;

/** A fresh valid unified social credit code: random digits, then the check character that fits. */
function freshCode(): string {
  const body = `9144${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`;
  const check = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].find((c) => isRegistrationNumber(body + c));
  return body + check;
}

/** The officials' desk: verify, reject with a reason, ask for more, and the organisation's answer. */
describe('organisation verification', () => {
  let api: TestApi;
  let regions: TestRegions;
  let official: TestUser;

  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    official = await api.make.official(regions.street);
  });
  afterAll(async () => {
    await api.close();
  });

  /** An unverified organisation in the grid with an owner and one other member. */
  const pending = async () => {
    const owner = await api.make.user({ displayName: '周业主' });
    const member = await api.make.user();
    const id = await api.make.organization(regions.grid.id, [[owner, 'OWNER'], [member, 'MEMBER']], { verified: false });
    return { id, owner, member };
  };
  const audits = (id: string, action: string) => api.sql<{ actor_user_id: string; detail: Record<string, unknown> }>(`SELECT actor_user_id, detail FROM audit_entry WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, id]);

  it('should reject an organisation with its reason, tell the owner, audit it and let the owner read why', async () => {
    const { id, owner, member } = await pending();

    const { rejectOrganization } = await api.ok(REJECT, { input: { organizationId: id, reason: ' 名称与登记证书不符 ' } }, official.token);

    expect(rejectOrganization).toMatchObject({ id, verified: false, verificationStatus: 'REJECTED', review: { status: 'REJECTED', note: '名称与登记证书不符', reviewedAt: expect.any(String), answer: null } });
    expect(await audits(id, 'organization.reject')).toEqual([{ actor_user_id: official.id, detail: expect.objectContaining({ note: '名称与登记证书不符', basis: 'official' }) }]);
    await api.eventsSettled();
    expect(await api.notificationKinds(owner)).toEqual(['ORGANIZATION_REJECTED']);
    expect(await api.notificationKinds(member)).toEqual([]);
    expect((await api.ok(DETAILS, { id }, owner.token)).organization.review).toEqual({ status: 'REJECTED', note: '名称与登记证书不符', answer: null });
    expect((await api.ok(DETAILS, { id }, (await api.make.user()).token)).organization.review).toBeNull();
  });

  it('should ask for more information, and take the owner’s resubmission back to PENDING with the new details and answer', async () => {
    const { id, owner } = await pending();
    const CODE = freshCode();
    expect((await api.ok(ASK, { input: { organizationId: id, message: '请提供统一社会信用代码' } }, official.token)).requestOrganizationInfo).toEqual({
      id,
      verificationStatus: 'INFO_REQUESTED',
      review: { status: 'INFO_REQUESTED', note: '请提供统一社会信用代码' },
    });
    await api.eventsSettled();
    expect(await api.notificationKinds(owner)).toEqual(['ORGANIZATION_INFO_REQUESTED']);

    const { resubmitOrganization } = await api.ok(RESUBMIT, { input: { organizationId: id, registrationNumber: CODE, description: '社区助老', answer: '已补充代码' } }, owner.token);

    expect(resubmitOrganization).toEqual({ id, verificationStatus: 'PENDING', description: '社区助老', registrationNumber: CODE, review: { status: 'PENDING', note: null, answer: '已补充代码' } });
    expect((await api.ok(DESK, { region: regions.street.id }, official.token)).organizations.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    expect(await audits(id, 'organization.resubmit')).toEqual([{ actor_user_id: owner.id, detail: { changed: ['description', 'registrationNumber'], answer: '已补充代码' } }]);
    expect((await api.ok(VERIFY, { id }, official.token)).verifyOrganization).toEqual({ id, verified: true, verificationStatus: 'VERIFIED' });
    await api.eventsSettled();
    expect(await api.notificationKinds(owner)).toEqual(['ORGANIZATION_INFO_REQUESTED', 'ORGANIZATION_VERIFIED']);
  });

  it('should refuse decisions on a verified organisation, and on a rejected one until it resubmits, with CONFLICT', async () => {
    const { id, owner } = await pending();
    await api.ok(REJECT, { input: { organizationId: id, reason: '资料不全' } }, official.token);
    expect(await api.fails(VERIFY, { id }, official.token)).toMatchObject({ code: 'CONFLICT', key: 'organization.awaitsResubmission' });
    expect(await api.fails(ASK, { input: { organizationId: id, message: '再说明' } }, official.token)).toMatchObject({ code: 'CONFLICT' });

    await api.ok(RESUBMIT, { input: { organizationId: id } }, owner.token);
    await api.ok(VERIFY, { id }, official.token);
    expect(await api.fails(REJECT, { input: { organizationId: id, reason: '迟来的理由' } }, official.token)).toMatchObject({ code: 'CONFLICT', key: 'organization.alreadyVerified' });
    expect(await api.fails(ASK, { input: { organizationId: id, message: '迟来的问题' } }, official.token)).toMatchObject({ code: 'CONFLICT', key: 'organization.alreadyVerified' });
    expect(await api.fails(RESUBMIT, { input: { organizationId: id } }, owner.token)).toMatchObject({ code: 'CONFLICT', key: 'organization.notAwaitingAnswer' });
  });

  it('should refuse officials out of scope, residents and members with FORBIDDEN, and a blank reason with BAD_USER_INPUT, changing nothing', async () => {
    const { id, owner, member } = await pending();
    const outOfScope = await api.make.official(regions.otherStreet);
    for (const who of [outOfScope, owner, await api.make.user()]) {
      expect(await api.fails(REJECT, { input: { organizationId: id, reason: '理由' } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(ASK, { input: { organizationId: id, message: '问题' } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await api.fails(REJECT, { input: { organizationId: id, reason: '   ' } }, official.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await api.fails(ASK, { input: { organizationId: id, message: '' } }, official.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    expect(await api.fails(REJECT, { input: { organizationId: '00000000-0000-4000-8000-000000000000', reason: '理由' } }, official.token)).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
    expect(await api.fails(UPDATE, { input: { organizationId: id, description: '改' } }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.sql(`SELECT verification_status, review_note FROM organization WHERE id = $1`, [id])).toEqual([{ verification_status: 'PENDING', review_note: null }]);
  });

  it("should show the owner's full phone to an official in scope, audited, and to nobody else", async () => {
    const { id, owner, member } = await pending();
    const outOfScope = await api.make.official(regions.otherStreet);

    const { organization } = await api.ok(DETAILS, { id }, official.token);

    expect(organization).toMatchObject({ ownerContact: { userId: owner.id, displayName: '周业主', phone: owner.phone }, members: { totalCount: 2 } });
    expect(await api.sql(`SELECT actor_user_id, detail FROM audit_entry WHERE action = 'pii.read' AND subject_id = $1`, [owner.id])).toEqual([
      { actor_user_id: official.id, detail: { field: 'phone', basis: 'official', organizationId: id } },
    ]);
    for (const who of [outOfScope, member, owner]) expect((await api.ok(DETAILS, { id }, who.token)).organization.ownerContact).toBeNull();
    expect((await api.ok(DETAILS, { id })).organization.ownerContact).toBeNull();
  });

  it('should take a valid registration number at creation and on update, and refuse a malformed or taken one', async () => {
    const owner = await api.make.user();
    const CODE = freshCode();
    const OTHER_CODE = freshCode();
    const spaced = ` ${CODE.slice(0, 4)} ${CODE.slice(4, 8)}-${CODE.slice(8).toLowerCase()} `;
    const { createOrganization } = await api.ok(CREATE, { input: { name: `登记 ${Date.now()}`, kind: 'NGO', regionId: regions.grid.id, registrationNumber: spaced } }, owner.token);
    expect(createOrganization).toMatchObject({ registrationNumber: CODE, verificationStatus: 'PENDING' });

    const other = await api.make.user();
    const base = { name: `另一个 ${Date.now()}`, kind: 'NGO', regionId: regions.grid.id };
    expect(await api.fails(CREATE, { input: { ...base, registrationNumber: CODE } }, other.token)).toMatchObject({ code: 'CONFLICT', field: 'registrationNumber' });
    expect(await api.fails(CREATE, { input: { ...base, registrationNumber: CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0') } }, other.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationNumber' });
    expect(await api.fails(CREATE, { input: { ...base, registrationNumber: '12345' } }, other.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationNumber' });
    expect(await api.sql(`SELECT count(*)::int AS n FROM organization WHERE name = $1`, [base.name])).toEqual([{ n: 0 }]);

    const id = createOrganization.id;
    expect((await api.ok(UPDATE, { input: { organizationId: id, registrationNumber: OTHER_CODE } }, owner.token)).updateOrganization).toMatchObject({ registrationNumber: OTHER_CODE, verificationStatus: 'PENDING' });
    expect((await api.ok(UPDATE, { input: { organizationId: id, registrationNumber: '' } }, owner.token)).updateOrganization.registrationNumber).toBeNull();
    // The English alias is one of its details too: set, then cleared by a blank.
    expect((await api.ok(UPDATE, { input: { organizationId: id, nameEn: ' Registry Group ' } }, owner.token)).updateOrganization.nameEn).toBe('Registry Group');
    expect((await api.ok(UPDATE, { input: { organizationId: id, nameEn: '' } }, owner.token)).updateOrganization.nameEn).toBeNull();
  });

  it('should keep the verification state and the verified flag in agreement in the database', async () => {
    const { id } = await pending();
    await expect(api.sql(`UPDATE organization SET verified = true, verified_at = now() WHERE id = $1`, [id])).rejects.toThrow(/organization_verified_agrees/);
    await expect(api.sql(`UPDATE organization SET verification_status = 'REJECTED' WHERE id = $1`, [id])).rejects.toThrow(/organization_review_note_when_decided/);
    await expect(api.sql(`UPDATE organization SET registration_number = 'ABC' WHERE id = $1`, [id])).rejects.toThrow(/organization_registration_number_form/);
    const verifiedRow = await api.make.organization(regions.grid.id);
    expect(await api.sql(`SELECT verification_status FROM organization WHERE id = $1`, [verifiedRow])).toEqual([{ verification_status: 'VERIFIED' }]);
  });
});
