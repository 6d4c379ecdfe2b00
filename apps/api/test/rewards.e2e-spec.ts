import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { LedgerService, REDEMPTION_EXPIRE_JOB, RedemptionsService } from '@civicgrid/incentives';
import { Clock, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const REWARD_FIELDS = `id title description pointsCost stock validUntil status viewerCanManage merchant { id } alliance { id settlementRateFen }`;
const CREATE = `mutation($input: CreateRewardInput!) { createReward(input: $input) { ${REWARD_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRewardInput!) { updateReward(input: $input) { ${REWARD_FIELDS} } }`;
const PAUSE = `mutation($rewardId: ID!, $paused: Boolean!) { setRewardPaused(rewardId: $rewardId, paused: $paused) { id status } }`;
const REWARDS = `query($filter: RewardFilter) { rewards(filter: $filter, first: 50) { totalCount edges { node { id status } } } }`;
const REWARD = `query($id: ID!) { reward(id: $id) { id status stock viewerCanManage } }`;
const REDEMPTION_FIELDS = `id points code status expiresAt confirmedAt confirmedBy { id } onBehalfOf user { id } reward { id stock }`;
const REDEEM = `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { ${REDEMPTION_FIELDS} } }`;
const CONFIRM = `mutation($input: ConfirmRedemptionInput!) { confirmRedemption(input: $input) { ${REDEMPTION_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelRedemption(id: $id) { ${REDEMPTION_FIELDS} } }`;
const MINE = `{ myRedemptions(first: 50) { totalCount edges { node { id code status onBehalfOf } } } }`;
const MERCHANT_REDEMPTIONS = `query($id: ID!) { merchantRedemptions(organizationId: $id, first: 50) { totalCount edges { node { id code status } } } }`;
const STATEMENT = `query($id: ID!, $month: String!) { settlementStatement(organizationId: $id, month: $month) {
  month redemptions points amountFen rateFen csv merchant { id } lines { reward { id title } redemptions points } } }`;
const SET_RATE = `mutation($input: SetSettlementRateInput!) { setSettlementRate(input: $input) { id settlementRateFen } }`;
const ME = `{ me { pointsBalance } }`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('rewards at alliance merchants', () => {
  let api: TestApi;
  let regions: TestRegions;
  let stewardAdmin: TestUser;
  let stewardOrg: string;
  let merchantAdmin: TestUser;
  let staff: TestUser;
  let merchant: string;
  let otherAdmin: TestUser;
  let otherMerchant: string;
  let allianceId: string;
  let official: TestUser;
  let otherOfficial: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    [stewardAdmin, merchantAdmin, staff, otherAdmin, stranger] = await api.make.users(5);
    stewardOrg = await api.make.organization(regions.street.id, [[stewardAdmin, 'ADMIN']]);
    merchant = await api.make.organization(regions.grid.id, [[merchantAdmin, 'ADMIN'], [staff, 'MEMBER']], { kind: 'MERCHANT', name: '玉林小馆' });
    otherMerchant = await api.make.organization(regions.grid.id, [[otherAdmin, 'ADMIN']], { kind: 'MERCHANT' });
    allianceId = await alliance([merchant, otherMerchant]);
    official = await api.make.official(regions.street);
    otherOfficial = await api.make.official(regions.otherStreet);
  });
  afterEach(() => api.get(Clock).reset());
  afterAll(async () => {
    await api.close();
  });

  async function alliance(members: string[]): Promise<string> {
    const [{ id }] = await api.sql(
      `INSERT INTO alliance (name, region_id, region_path, charter, pledge_options, steward_id) VALUES ($1, $2, $3, '共建共治', ARRAY['VOLUNTEER_DISCOUNT'], $4) RETURNING id`,
      [`联盟 ${randomUUID().slice(0, 6)}`, regions.street.id, regions.street.path, stewardOrg],
    );
    for (const m of members) await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges, joined_at) VALUES ($1, $2, 'ACTIVE', ARRAY['VOLUNTEER_DISCOUNT'], now())`, [id, m]);
    return id;
  }

  /** Points for a person, as an incentive from the platform would give them. */
  async function fund(who: { id: string }, points: number): Promise<void> {
    const ledger = api.get(LedgerService);
    await api.get(TransactionRunner).run(RequestContext.system(), (t) =>
      ledger.transfer(t, { kind: 'INCENTIVE', currency: 'POINTS', from: { system: 'ISSUANCE' }, to: { user: who.id }, amount: points }),
    );
  }

  async function resident(points: number): Promise<TestUser> {
    const u = await api.make.user({ homeRegionId: regions.grid.id });
    if (points) await fund(u, points);
    return u;
  }

  async function reward(over: Record<string, unknown> = {}, org = merchant, admin = merchantAdmin): Promise<any> {
    const input = { organizationId: org, allianceId, title: '免费咖啡一杯', pointsCost: 10, stock: 50, ...over };
    return (await api.ok(CREATE, { input }, admin.token)).createReward;
  }

  const redeem = (who: TestUser, rewardId: string, key = randomUUID(), onBehalfOfUserId?: string) => api.gql(REDEEM, { input: { rewardId, idempotencyKey: key, onBehalfOfUserId } }, who.token);
  const held = async (who: TestUser, rewardId: string) => {
    const r = await redeem(who, rewardId);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.redeemReward;
  };
  // A fresh token: the clock may have moved past the one made with the person.
  const balance = async (who: TestUser) => (await api.ok(ME, {}, await api.make.token(who.id))).me.pointsBalance as number;
  const stock = async (rewardId: string) => (await api.sql(`SELECT stock FROM reward WHERE id = $1`, [rewardId]))[0].stock as number;
  const redemptionRow = async (id: string) => (await api.sql(`SELECT status FROM redemption WHERE id = $1`, [id]))[0].status as string;

  describe('offering rewards', () => {
    it("should let the merchant's administrators offer a reward in an alliance the merchant is an active member of, and nobody else", async () => {
      const created = await reward({ description: '到店出示兑换码即可', validUntil: new Date(Date.now() + 30 * 24 * HOUR).toISOString() });
      expect(created).toMatchObject({ title: '免费咖啡一杯', pointsCost: 10, stock: 50, status: 'ACTIVE', viewerCanManage: true, merchant: { id: merchant }, alliance: { id: allianceId } });
      const input = { organizationId: merchant, allianceId, title: '饮料', pointsCost: 5, stock: 3 };
      for (const who of [staff, stranger, stewardAdmin, official]) expect(await api.fails(CREATE, { input }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CREATE, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await api.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'reward.create' AND subject_id = $1`, [created.id]))[0].n).toBe(1);
    });

    it('should refuse bad input with BAD_USER_INPUT and change nothing', async () => {
      const before = (await api.sql(`SELECT count(*)::int AS n FROM reward`))[0].n;
      const base = { organizationId: merchant, allianceId, title: '饮料', pointsCost: 5, stock: 3 };
      for (const [over, field] of [
        [{ pointsCost: 0 }, 'pointsCost'],
        [{ stock: -1 }, 'stock'],
        [{ title: '   ' }, 'title'],
        [{ validUntil: new Date(Date.now() - MINUTE).toISOString() }, 'validUntil'],
      ] as const) {
        expect(await api.fails(CREATE, { input: { ...base, ...over } }, merchantAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      // An organisation that is not a merchant, and a merchant outside the alliance.
      const ngoAdmin = await api.make.user();
      const ngo = await api.make.organization(regions.grid.id, [[ngoAdmin, 'ADMIN']]);
      await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges, joined_at) VALUES ($1, $2, 'ACTIVE', ARRAY['VOLUNTEER_DISCOUNT'], now())`, [allianceId, ngo]);
      expect(await api.fails(CREATE, { input: { ...base, organizationId: ngo } }, ngoAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'reward.notMerchant' });
      const outsiderAdmin = await api.make.user();
      const outsider = await api.make.organization(regions.grid.id, [[outsiderAdmin, 'ADMIN']], { kind: 'MERCHANT' });
      await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges) VALUES ($1, $2, 'APPLIED', ARRAY['VOLUNTEER_DISCOUNT'])`, [allianceId, outsider]);
      expect(await api.fails(CREATE, { input: { ...base, organizationId: outsider } }, outsiderAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'reward.notActiveMember' });
      expect(await api.fails(CREATE, { input: { ...base, allianceId: randomUUID() } }, merchantAdmin.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect((await api.sql(`SELECT count(*)::int AS n FROM reward`))[0].n).toBe(before);
    });

    it('should list redeemable rewards to everyone and every status to the merchant, with filters', async () => {
      const r = await reward({ title: '理发八折', pointsCost: 40, stock: 2 });
      const empty = await reward({ title: '售罄的奖励', stock: 0 });
      const listed = async (filter: Record<string, unknown>, token?: string) => (await api.ok(REWARDS, { filter }, token)).rewards.edges.map((e: any) => e.node.id);
      expect(await listed({ merchantId: merchant })).toContain(r.id);
      expect(await listed({ merchantId: merchant })).not.toContain(empty.id);
      // Paused: gone from the catalogue, still the merchant's to see and resume.
      expect((await api.ok(PAUSE, { rewardId: r.id, paused: true }, merchantAdmin.token)).setRewardPaused.status).toBe('PAUSED');
      expect(await listed({ merchantId: merchant }, stranger.token)).not.toContain(r.id);
      expect(await listed({ merchantId: merchant }, merchantAdmin.token)).toEqual(expect.arrayContaining([r.id, empty.id]));
      expect(await api.fails(PAUSE, { rewardId: r.id, paused: false }, staff.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(PAUSE, { rewardId: r.id, paused: false }, merchantAdmin.token)).setRewardPaused.status).toBe('ACTIVE');
      // Filters: cost, alliance, region (the street's alliance serves its grids; another street's does not).
      expect(await listed({ maxPointsCost: 39 })).not.toContain(r.id);
      expect(await listed({ maxPointsCost: 40, allianceId })).toContain(r.id);
      expect(await listed({ regionId: regions.grid.id })).toContain(r.id);
      expect(await listed({ regionId: regions.otherStreet.id })).not.toContain(r.id);
      expect((await api.ok(REWARD, { id: empty.id }, stranger.token)).reward).toMatchObject({ status: 'SOLD_OUT', viewerCanManage: false });
    });

    it('should let the merchant change a reward, and show it EXPIRED once its validity passed by the clock', async () => {
      const r = await reward({ validUntil: new Date(Date.now() + 2 * HOUR).toISOString() });
      const { updateReward } = await api.ok(UPDATE, { input: { rewardId: r.id, title: '拿铁一杯', pointsCost: 12, stock: 7 } }, merchantAdmin.token);
      expect(updateReward).toMatchObject({ title: '拿铁一杯', pointsCost: 12, stock: 7, status: 'ACTIVE' });
      expect(await api.fails(UPDATE, { input: { rewardId: r.id, stock: 100 } }, staff.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(UPDATE, { input: { rewardId: r.id, pointsCost: 0 } }, merchantAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pointsCost' });
      api.get(Clock).travel(3 * HOUR);
      expect((await api.ok(REWARD, { id: r.id })).reward.status).toBe('EXPIRED');
      const u = await resident(100);
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID() } }, await api.make.token(u.id))).toMatchObject({ code: 'CONFLICT', key: 'reward.expired' });
    });
  });

  describe('redeeming', () => {
    it('should hold the points, take a unit of stock and give a code of 8 unambiguous characters valid for 30 minutes', async () => {
      const r = await reward({ pointsCost: 30, stock: 5 });
      const u = await resident(100);
      const before = Date.now();
      const redemption = await held(u, r.id);
      expect(redemption).toMatchObject({ points: 30, status: 'HELD', onBehalfOf: false, user: { id: u.id }, reward: { id: r.id, stock: 4 } });
      expect(redemption.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      const expiresIn = new Date(redemption.expiresAt).getTime() - before;
      expect(expiresIn).toBeGreaterThan(29 * MINUTE);
      expect(expiresIn).toBeLessThanOrEqual(31 * MINUTE);
      expect(await balance(u)).toBe(70);
      // The code is the person's: the merchant sees the redemption without it.
      expect((await api.ok(MINE, {}, u.token)).myRedemptions.edges[0].node).toMatchObject({ id: redemption.id, code: redemption.code });
      expect((await api.ok(MERCHANT_REDEMPTIONS, { id: merchant }, merchantAdmin.token)).merchantRedemptions.edges.find((e: any) => e.node.id === redemption.id).node.code).toBeNull();
      expect(await api.fails(MERCHANT_REDEMPTIONS, { id: merchant }, staff.token)).toMatchObject({ code: 'FORBIDDEN' });
      const [hold] = await api.sql(`SELECT kind, amount FROM ledger_transfer WHERE ref_id = $1`, [redemption.id]);
      expect(hold).toEqual({ kind: 'REDEMPTION_HOLD', amount: 30 });
    });

    it('should refuse a redemption the points do not cover, a paused and a sold-out reward, and change nothing', async () => {
      const r = await reward({ pointsCost: 30, stock: 1 });
      const poor = await resident(20);
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID() } }, poor.token)).toMatchObject({ code: 'CONFLICT', key: 'ledger.insufficientBalance' });
      expect(await stock(r.id)).toBe(1);
      expect(await balance(poor)).toBe(20);
      const rich = await resident(100);
      await api.ok(PAUSE, { rewardId: r.id, paused: true }, merchantAdmin.token);
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID() } }, rich.token)).toMatchObject({ code: 'CONFLICT', key: 'reward.paused' });
      await api.ok(PAUSE, { rewardId: r.id, paused: false }, merchantAdmin.token);
      await held(rich, r.id);
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID() } }, rich.token)).toMatchObject({ code: 'CONFLICT', key: 'reward.soldOut' });
      expect(await api.fails(REDEEM, { input: { rewardId: randomUUID(), idempotencyKey: randomUUID() } }, rich.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await balance(rich)).toBe(70);
    });

    it('should hold exactly 10 of 200 concurrent 10-point redemptions against a 100-point balance, never below zero', async () => {
      const r = await reward({ pointsCost: 10, stock: 1000 });
      const u = await resident(100);
      const results = await Promise.all(Array.from({ length: 200 }, () => redeem(u, r.id)));
      const ok = results.filter((x) => !x.errors);
      expect(ok).toHaveLength(10);
      expect(new Set(results.filter((x) => x.errors).map((x) => x.errors![0].extensions?.key))).toEqual(new Set(['ledger.insufficientBalance']));
      const [{ balance: left }] = await api.sql(`SELECT balance FROM ledger_account WHERE user_id = $1 AND currency = 'POINTS'`, [u.id]);
      expect(left).toBe(0);
      expect((await api.sql(`SELECT count(*)::int AS n FROM redemption WHERE reward_id = $1 AND status = 'HELD'`, [r.id]))[0].n).toBe(10);
      expect(await stock(r.id)).toBe(990);
      expect(new Set(ok.map((x) => x.data!.redeemReward.code)).size).toBe(10);
    });

    it('should give out no more units than the stock when more people redeem at once', async () => {
      const r = await reward({ pointsCost: 10, stock: 5 });
      const people = await Promise.all(Array.from({ length: 20 }, () => resident(50)));
      const results = await Promise.all(people.map((p) => redeem(p, r.id)));
      expect(results.filter((x) => !x.errors)).toHaveLength(5);
      expect(results.filter((x) => x.errors).every((x) => x.errors![0].extensions?.key === 'reward.soldOut')).toBe(true);
      expect(await stock(r.id)).toBe(0);
      expect((await api.ok(REWARD, { id: r.id })).reward.status).toBe('SOLD_OUT');
    });

    it('should return the first redemption for a replayed key, refuse the key for another reward, and make one redemption of 20 concurrent requests with one key', async () => {
      const r = await reward();
      const other = await reward({ title: '另一份' });
      const u = await resident(100);
      const key = randomUUID();
      const first = (await redeem(u, r.id, key)).data!.redeemReward;
      expect((await redeem(u, r.id, key)).data!.redeemReward.id).toBe(first.id);
      expect((await redeem(u, other.id, key)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', key: 'idempotency.keyReused' });
      expect(await balance(u)).toBe(90);

      const v = await resident(100);
      const once = randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => redeem(v, r.id, once)));
      expect(results.every((x) => !x.errors)).toBe(true);
      expect(new Set(results.map((x) => x.data!.redeemReward.id)).size).toBe(1);
      expect((await api.sql(`SELECT count(*)::int AS n FROM redemption WHERE user_id = $1`, [v.id]))[0].n).toBe(1);
      expect(await balance(v)).toBe(90);
    });

    it('should let a proxy redeem and cancel for the resident with the resident’s points, and nobody else', async () => {
      const r = await reward({ pointsCost: 20 });
      const elder = await resident(60);
      const proxy = await resident(0);
      await api.make.proxyGrant(elder, proxy);
      const { redeemReward } = await api.ok(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID(), onBehalfOfUserId: elder.id } }, proxy.token);
      expect(redeemReward).toMatchObject({ onBehalfOf: true, user: { id: elder.id }, points: 20 });
      expect(redeemReward.code).toMatch(/^[A-Z2-9]{8}$/);
      expect(await balance(elder)).toBe(40);
      expect((await api.ok(MINE, {}, elder.token)).myRedemptions.edges[0].node).toMatchObject({ id: redeemReward.id, code: redeemReward.code, onBehalfOf: true });
      expect((await api.ok(MINE, {}, proxy.token)).myRedemptions.edges[0].node).toMatchObject({ id: redeemReward.id, code: redeemReward.code });
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID(), onBehalfOfUserId: elder.id } }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CANCEL, { id: redeemReward.id }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(CANCEL, { id: redeemReward.id }, proxy.token)).cancelRedemption.status).toBe('CANCELLED');
      expect(await balance(elder)).toBe(60);
    });
    it('should neither list nor redeem the rewards of a merchant suspended from the alliance', async () => {
      const admin = await api.make.user();
      const shop = await api.make.organization(regions.grid.id, [[admin, 'ADMIN']], { kind: 'MERCHANT' });
      await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges, joined_at) VALUES ($1, $2, 'ACTIVE', ARRAY['VOLUNTEER_DISCOUNT'], now())`, [allianceId, shop]);
      const r = await reward({}, shop, admin);
      const listed = async () => (await api.ok(REWARDS, { filter: { allianceId } })).rewards.edges.map((e: any) => e.node.id);
      expect(await listed()).toContain(r.id);
      await api.sql(`UPDATE alliance_member SET status = 'SUSPENDED' WHERE alliance_id = $1 AND organization_id = $2`, [allianceId, shop]);
      expect(await listed()).not.toContain(r.id);
      const u = await resident(50);
      expect(await api.fails(REDEEM, { input: { rewardId: r.id, idempotencyKey: randomUUID() } }, u.token)).toMatchObject({ code: 'CONFLICT', key: 'reward.merchantNotActive' });
      expect(await balance(u)).toBe(50);
    });
  });

  describe('cancelling and expiry', () => {
    it('should return points and stock when the person cancels while HELD, once', async () => {
      const r = await reward({ stock: 3 });
      const u = await resident(50);
      const red = await held(u, r.id);
      const { cancelRedemption } = await api.ok(CANCEL, { id: red.id }, u.token);
      expect(cancelRedemption).toMatchObject({ status: 'CANCELLED', reward: { stock: 3 } });
      expect(await balance(u)).toBe(50);
      expect(await api.fails(CANCEL, { id: red.id }, u.token)).toMatchObject({ code: 'CONFLICT', key: 'redemption.cancelled' });
      expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: red.code } }, staff.token)).toMatchObject({ code: 'CONFLICT', key: 'redemption.cancelled' });
      expect(await stock(r.id)).toBe(3);
    });

    it('should expire an unused code by its job: points and stock back, the person told, and a second run changes nothing', async () => {
      const r = await reward({ stock: 3, title: '过期测试' });
      const u = await resident(50);
      const red = await held(u, r.id);
      api.get(Clock).travel(31 * MINUTE);
      await api.runJobsNow(REDEMPTION_EXPIRE_JOB);
      await api.eventually(async () => (await redemptionRow(red.id)) === 'EXPIRED');
      expect(await stock(r.id)).toBe(3);
      expect(await balance(u)).toBe(50);
      expect(await api.get(RedemptionsService).expire(RequestContext.system(), red.id)).toBe(false);
      expect(await api.get(RedemptionsService).sweep(RequestContext.system())).toBe(0);
      expect((await api.sql(`SELECT count(*)::int AS n FROM ledger_transfer WHERE ref_id = $1`, [red.id]))[0].n).toBe(2);
      await api.eventsSettled();
      expect(await api.notificationKinds(u)).toContain('REDEMPTION_EXPIRED');
    });

    it('should refuse an expired code at the counter by the clock, before any job ran, and release it then; the sweep ends the rest', async () => {
      const r = await reward({ stock: 3 });
      const u = await resident(50);
      const late = await held(u, r.id);
      const forgotten = await held(u, r.id);
      api.get(Clock).travel(30 * MINUTE + 1000);
      expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: late.code } }, await api.make.token(staff.id))).toMatchObject({ code: 'CONFLICT', key: 'redemption.expired' });
      expect(await redemptionRow(late.id)).toBe('EXPIRED');
      expect(await api.get(RedemptionsService).sweep(RequestContext.system())).toBeGreaterThanOrEqual(1);
      expect(await redemptionRow(forgotten.id)).toBe('EXPIRED');
      expect(await balance(u)).toBe(50);
      expect(await stock(r.id)).toBe(3);
      expect(await api.fails(CANCEL, { id: late.id }, await api.make.token(u.id))).toMatchObject({ code: 'CONFLICT', key: 'redemption.expired' });
    });
  });

  describe('confirming at the counter', () => {
    it("should pass the held points to the merchant for a code typed any way, tell the person, audit it, and confirm once", async () => {
      const r = await reward({ pointsCost: 25 });
      const u = await resident(100);
      const red = await held(u, r.id);
      const typed = `${red.code.slice(0, 4).toLowerCase()}-${red.code.slice(4)} `;
      const before = (await api.sql(`SELECT coalesce(sum(balance), 0)::int AS b FROM ledger_account WHERE organization_id = $1`, [merchant]))[0].b;
      const { confirmRedemption } = await api.ok(CONFIRM, { input: { organizationId: merchant, code: typed } }, staff.token);
      expect(confirmRedemption).toMatchObject({ id: red.id, status: 'CONFIRMED', confirmedBy: { id: staff.id }, code: null });
      expect(confirmRedemption.confirmedAt).toBeTruthy();
      expect((await api.sql(`SELECT balance FROM ledger_account WHERE organization_id = $1`, [merchant]))[0].balance).toBe(before + 25);
      expect(await balance(u)).toBe(75);
      expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: red.code } }, merchantAdmin.token)).toMatchObject({ code: 'CONFLICT', key: 'redemption.alreadyConfirmed' });
      expect(await api.fails(CANCEL, { id: red.id }, u.token)).toMatchObject({ code: 'CONFLICT', key: 'redemption.alreadyConfirmed' });
      expect((await api.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'redemption.confirm' AND subject_id = $1`, [red.id]))[0].n).toBe(1);
      await api.eventsSettled();
      expect(await api.notificationKinds(u)).toContain('REDEMPTION_CONFIRMED');
      // A job that fires after the confirmation changes nothing.
      expect(await api.get(RedemptionsService).expire(RequestContext.system(), red.id)).toBe(false);
    });

    it('should confirm a code once under 20 concurrent confirmations', async () => {
      const r = await reward({ pointsCost: 10 });
      const u = await resident(10);
      const red = await held(u, r.id);
      const results = await Promise.all(Array.from({ length: 20 }, () => api.gql(CONFIRM, { input: { organizationId: merchant, code: red.code } }, staff.token)));
      expect(results.filter((x) => !x.errors)).toHaveLength(1);
      expect(results.filter((x) => x.errors).map((x) => x.errors![0].extensions?.key)).toEqual(Array(19).fill('redemption.alreadyConfirmed'));
      expect((await api.sql(`SELECT count(*)::int AS n FROM ledger_transfer WHERE ref_id = $1 AND kind = 'REDEMPTION_SETTLED'`, [red.id]))[0].n).toBe(1);
    });

    it("should refuse another merchant's code, an unknown code and people outside the merchant", async () => {
      const r = await reward();
      const u = await resident(50);
      const red = await held(u, r.id);
      expect(await api.fails(CONFIRM, { input: { organizationId: otherMerchant, code: red.code } }, otherAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'redemption.otherMerchant', field: 'code' });
      const unknown = red.code.startsWith('2') ? `3${red.code.slice(1)}` : `2${red.code.slice(1)}`;
      expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: unknown } }, staff.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'redemption.codeUnknown', field: 'code' });
      expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: 'not a code' } }, staff.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'redemption.codeUnknown' });
      for (const who of [stranger, u, stewardAdmin, official]) expect(await api.fails(CONFIRM, { input: { organizationId: merchant, code: red.code } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await redemptionRow(red.id)).toBe('HELD');
    });

    it("should limit wrong codes per merchant, counting only wrong ones, even sent in parallel", async () => {
      const admin = await api.make.user();
      const shop = await api.make.organization(regions.grid.id, [[admin, 'ADMIN']], { kind: 'MERCHANT' });
      await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges, joined_at) VALUES ($1, $2, 'ACTIVE', ARRAY['VOLUNTEER_DISCOUNT'], now())`, [allianceId, shop]);
      const r = await reward({}, shop, admin);
      const u = await resident(100);
      const good = await Promise.all([held(u, r.id), held(u, r.id)]);
      const wrong = (i: number) => `ZZZZZZ${'23456789'[i % 8]}${'ABCDEFGH'[Math.floor(i / 8) % 8]}`;
      // Right codes never count against the counter.
      expect((await api.ok(CONFIRM, { input: { organizationId: shop, code: good[0].code } }, admin.token)).confirmRedemption.status).toBe('CONFIRMED');
      const results = await Promise.all(Array.from({ length: 15 }, (_, i) => api.gql(CONFIRM, { input: { organizationId: shop, code: wrong(i) } }, admin.token)));
      const codes = results.map((x) => x.errors![0].extensions?.code);
      expect(codes.filter((c) => c === 'BAD_USER_INPUT')).toHaveLength(10);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
      expect(await api.fails(CONFIRM, { input: { organizationId: shop, code: good[1].code } }, admin.token)).toMatchObject({ code: 'RATE_LIMITED' });
      // Another merchant's counter is not held up.
      const red = await held(u, (await reward()).id);
      expect((await api.ok(CONFIRM, { input: { organizationId: merchant, code: red.code } }, staff.token)).confirmRedemption.status).toBe('CONFIRMED');
      // After the window the counter works again.
      api.get(Clock).travel(11 * MINUTE);
      expect((await api.ok(CONFIRM, { input: { organizationId: shop, code: good[1].code } }, await api.make.token(admin.id))).confirmRedemption.status).toBe('CONFIRMED');
    });
  });

  describe('settlement', () => {
    it("should let the steward or an official in scope set the alliance's rate, audited, and nobody else", async () => {
      const input = { allianceId, fenPerPoint: 5 };
      for (const who of [merchantAdmin, staff, stranger, otherOfficial]) expect(await api.fails(SET_RATE, { input }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(SET_RATE, { input: { allianceId, fenPerPoint: 100_001 } }, stewardAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fenPerPoint' });
      expect(await api.fails(SET_RATE, { input: { allianceId, fenPerPoint: -1 } }, stewardAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fenPerPoint' });
      expect((await api.ok(SET_RATE, { input: { allianceId, fenPerPoint: 3 } }, official.token)).setSettlementRate).toEqual({ id: allianceId, settlementRateFen: 3 });
      expect((await api.ok(SET_RATE, { input }, stewardAdmin.token)).setSettlementRate).toEqual({ id: allianceId, settlementRateFen: 5 });
      expect((await api.sql(`SELECT detail FROM audit_entry WHERE action = 'settlement.setRate' AND subject_id = $1 ORDER BY occurred_at`, [allianceId])).map((a) => a.detail.after)).toEqual([3, 5]);
    });

    it('should count confirmations by their Shanghai month across the boundary, at the rate, with a CSV of the same figures', async () => {
      const admin = await api.make.user();
      const shop = await api.make.organization(regions.grid.id, [[admin, 'ADMIN']], { kind: 'MERCHANT', name: '小馆, "老店"' });
      const rated = await alliance([shop]);
      await api.ok(SET_RATE, { input: { allianceId: rated, fenPerPoint: 7 } }, stewardAdmin.token);
      const input = (title: string, pointsCost: number) => ({ organizationId: shop, allianceId: rated, title, pointsCost, stock: 10 });
      const coffee = (await api.ok(CREATE, { input: input('咖啡, 大杯', 10) }, admin.token)).createReward;
      const cut = (await api.ok(CREATE, { input: input('=理发', 30) }, admin.token)).createReward;
      const u = await resident(500);
      // The first instant of this month in Shanghai (UTC+8).
      const now = new Date(Date.now() + 8 * HOUR);
      const boundary = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 8 * HOUR;
      const month = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 7);
      const clock = api.get(Clock);
      const confirmAt = async (at: number, rewardId: string) => {
        clock.reset();
        clock.travel(at - Date.now());
        const red = (await api.ok(REDEEM, { input: { rewardId, idempotencyKey: randomUUID() } }, await api.make.token(u.id))).redeemReward;
        await api.ok(CONFIRM, { input: { organizationId: shop, code: red.code } }, await api.make.token(admin.id));
      };
      await confirmAt(boundary - MINUTE, coffee.id); // 23:59 on the last day of last month, Shanghai
      await confirmAt(boundary + MINUTE, coffee.id); // 00:01 on the first of this month
      await confirmAt(boundary + 2 * MINUTE, cut.id);
      await confirmAt(boundary + 3 * MINUTE, coffee.id);
      // A HELD redemption is not settled.
      await api.ok(REDEEM, { input: { rewardId: coffee.id, idempotencyKey: randomUUID() } }, await api.make.token(u.id));
      clock.reset();

      const last = (await api.ok(STATEMENT, { id: shop, month: month(boundary - MINUTE) }, admin.token)).settlementStatement;
      expect(last).toMatchObject({ redemptions: 1, points: 10, amountFen: 70, rateFen: 7, lines: [{ reward: { id: coffee.id }, redemptions: 1, points: 10 }] });
      const current = (await api.ok(STATEMENT, { id: shop, month: month(boundary) }, admin.token)).settlementStatement;
      expect(current).toMatchObject({ month: month(boundary), redemptions: 3, points: 50, amountFen: 350, rateFen: 7, merchant: { id: shop } });
      expect(current.lines.map((l: any) => [l.reward.id, l.redemptions, l.points]).sort()).toEqual(
        [
          [coffee.id, 2, 20],
          [cut.id, 1, 30],
        ].sort(),
      );
      const rows: string[][] = parse(current.csv);
      expect(rows[0]).toEqual(['month', 'merchant', 'reward_id', 'reward', 'redemptions', 'points', 'rate_fen', 'amount_fen']);
      expect(rows.slice(1, 3).sort((a, b) => a[2].localeCompare(b[2]))).toEqual(
        [
          [month(boundary), '小馆, "老店"', coffee.id, '咖啡, 大杯', '2', '20', '7', '140'],
          [month(boundary), '小馆, "老店"', cut.id, "'=理发", '1', '30', '7', '210'],
        ].sort((a, b) => a[2].localeCompare(b[2])),
      );
      expect(rows[3]).toEqual([month(boundary), '小馆, "老店"', '', 'TOTAL', '3', '50', '7', '350']);
      expect(rows).toHaveLength(4);

      // Who may read it: the merchant's administrators, the steward's, officials in scope.
      for (const who of [stewardAdmin, official]) expect((await api.ok(STATEMENT, { id: shop, month: month(boundary) }, who.token)).settlementStatement.amountFen).toBe(350);
      for (const who of [stranger, otherOfficial, merchantAdmin, u]) expect(await api.fails(STATEMENT, { id: shop, month: month(boundary) }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      for (const bad of ['2026-13', '2026-1', 'last month', '2026-11-01']) expect(await api.fails(STATEMENT, { id: shop, month: bad }, admin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    });

    it('should show amount 0 and no rate while the alliance has none', async () => {
      const admin = await api.make.user();
      const shop = await api.make.organization(regions.grid.id, [[admin, 'ADMIN']], { kind: 'MERCHANT' });
      const unrated = await alliance([shop]);
      const r = (await api.ok(CREATE, { input: { organizationId: shop, allianceId: unrated, title: '小礼品', pointsCost: 15, stock: 3 } }, admin.token)).createReward;
      const u = await resident(50);
      const red = await held(u, r.id);
      await api.ok(CONFIRM, { input: { organizationId: shop, code: red.code } }, admin.token);
      const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
      expect((await api.ok(STATEMENT, { id: shop, month }, admin.token)).settlementStatement).toMatchObject({ redemptions: 1, points: 15, amountFen: 0, rateFen: null });
    });
  });
});
