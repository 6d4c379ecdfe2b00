import { randomUUID } from 'node:crypto';
import { LedgerNotifier, WalletService } from '@civicgrid/incentives';
import { RequestContext } from '@civicgrid/platform';
import { TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const VERIFY = `mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id status minutes } }`;
const RECORD = `mutation($input: RecordServiceHoursInput!) { recordServiceHours(input: $input) { id status } }`;
const BALANCES = `query($phone: String!) { userByPhone(phone: $phone) { pointsBalance timeCreditMinutes } }`;
const ME = `{ me { pointsBalance timeCreditMinutes } }`;
const HISTORY = `query($currency: Currency, $first: Int, $after: String) { pointsHistory(currency: $currency, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id currency amount balanceAfter kind memo counterparty createdAt reversed } } } }`;
const DONATE = `mutation($input: DonateTimeCreditsInput!) { donateTimeCredits(input: $input) { id amount balanceAfter kind currency memo counterparty } }`;
const REVERSE = `mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { id amount kind memo balanceAfter } }`;
const USER_LEDGER = `query($userId: ID!) { userLedger(userId: $userId, first: 50) { totalCount edges { node { id kind amount currency } } } }`;

const HOUR = 3_600_000;

describe('the points ledger', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;
  let admin: TestUser;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
    admin = await api.make.user({ role: 'ADMIN' });
  });
  afterAll(async () => {
    await api.close();
  });

  /** A volunteer with `minutes` of checked-in service verified by the coordinator, and the events delivered. */
  async function served(minutes: number, volunteer?: TestUser): Promise<{ volunteer: TestUser; recordId: string }> {
    const v = volunteer ?? (await api.make.user({ homeRegionId: regions.grid.id }));
    const task = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -4, hours: 3, capacity: 5 }] });
    const claimId = await api.make.claim(task.shiftIds[0], v, 'CHECKED_IN', { check_in_at: new Date(Date.now() - 4 * HOUR) });
    const { verifyService } = await api.ok(VERIFY, { input: { claimId, approve: true, minutes } }, coordinator.token);
    await api.eventsSettled();
    return { volunteer: v, recordId: verifyService.id };
  }

  const balances = async (who: TestUser) => (await api.ok(ME, {}, who.token)).me as { pointsBalance: number; timeCreditMinutes: number };
  const history = async (who: TestUser, currency?: string) => (await api.ok(HISTORY, { currency, first: 50 }, who.token)).pointsHistory.edges.map((e: any) => e.node);

  describe('earnings from verified service', () => {
    it('should pay 10 points an hour and as many time credits as minutes, once per record, from the service.verified event', async () => {
      const { volunteer, recordId } = await served(90);
      expect(await balances(volunteer)).toEqual({ pointsBalance: 15, timeCreditMinutes: 90 });
      const entries = await history(volunteer);
      expect(entries.map((e: any) => [e.kind, e.currency, e.amount, e.balanceAfter, e.memo, e.counterparty])).toEqual(
        expect.arrayContaining([
          ['SERVICE_EARNING', 'POINTS', 15, 15, 'Test task', null],
          ['TIME_CREDIT_EARNING', 'TIME_CREDITS', 90, 90, 'Test task', null],
        ]),
      );
      // The same event delivered again (a retry, a replayed outbox) earns nothing more.
      const payload = { recordId, claimId: null, volunteerId: volunteer.id, taskId: null, organizationId: orgId, minutes: 90, approved: true, kind: 'CHECKED_IN' as const };
      await api.get(WalletService).earn(RequestContext.system(), payload);
      expect(await balances(volunteer)).toEqual({ pointsBalance: 15, timeCreditMinutes: 90 });
      expect((await api.sql(`SELECT count(*)::int AS n FROM ledger_transfer WHERE ref_id = $1`, [recordId]))[0].n).toBe(2);
    });

    it("should pay at the rate of the street office over the task's region", async () => {
      const office = await api.make.organization(regions.street.id, [], { kind: 'STREET_OFFICE' });
      await api.ok(`mutation($i: ConfigureBudgetInput!) { configureBudget(input: $i) { pointsPerHour } }`, { i: { organizationId: office, pointsPerHour: 30 } }, admin.token);
      const { volunteer } = await served(60);
      expect(await balances(volunteer)).toEqual({ pointsBalance: 30, timeCreditMinutes: 60 });
      await api.ok(`mutation($i: ConfigureBudgetInput!) { configureBudget(input: $i) { pointsPerHour } }`, { i: { organizationId: office, pointsPerHour: 10 } }, admin.token);
    });

    it('should pay nothing for rejected service nor for reported minutes, which count for honours only', async () => {
      const v = await api.make.user({ homeRegionId: regions.grid.id });
      const task = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -4, hours: 3, capacity: 5 }] });
      const claimId = await api.make.claim(task.shiftIds[0], v, 'CHECKED_IN', { check_in_at: new Date(Date.now() - 4 * HOUR) });
      await api.ok(VERIFY, { input: { claimId, approve: false, minutes: 60 } }, coordinator.token);
      const day = new Date(Date.now() + 8 * HOUR - 86_400_000).toISOString().slice(0, 10);
      const { recordServiceHours } = await api.ok(RECORD, { input: { organizationId: orgId, volunteerId: v.id, date: day, minutes: 120, description: '按纸质签到表，周六上午清理河道' } }, coordinator.token);
      expect(recordServiceHours.status).toBe('VERIFIED');
      await api.eventsSettled();
      expect(await balances(v)).toEqual({ pointsBalance: 0, timeCreditMinutes: 0 });
      expect(await history(v)).toEqual([]);
    });
  });

  describe('balances', () => {
    it('should show balances to the person, their proxy, an official over their home and administrators, and null to others', async () => {
      const { volunteer } = await served(60);
      const proxy = await api.make.user();
      await api.make.proxyGrant(volunteer, proxy);
      const official = await api.make.official(regions.street);
      const otherOfficial = await api.make.official(regions.otherStreet);
      const stranger = await api.make.user();
      for (const [who, expected] of [
        [volunteer, 10],
        [proxy, 10],
        [official, 10],
        [admin, 10],
        [otherOfficial, null],
        [stranger, null],
        [coordinator, null],
      ] as const) {
        expect((await api.ok(BALANCES, { phone: volunteer.phone }, who.token)).userByPhone.pointsBalance).toBe(expected);
      }
    });

    it('should page the history newest first', async () => {
      const v = await api.make.user({ homeRegionId: regions.grid.id });
      for (const m of [60, 120, 180]) await served(m, v);
      const page1 = (await api.ok(HISTORY, { currency: 'POINTS', first: 2 }, v.token)).pointsHistory;
      expect(page1.totalCount).toBe(3);
      expect(page1.edges.map((e: any) => e.node.amount)).toEqual([30, 20]);
      const page2 = (await api.ok(HISTORY, { currency: 'POINTS', first: 2, after: page1.pageInfo.endCursor }, v.token)).pointsHistory;
      expect(page2.edges.map((e: any) => e.node.amount)).toEqual([10]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect(await api.fails(HISTORY, { first: 2, after: 'garbage' }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('time-credit donations', () => {
    it('should give time credits to a resident aged 60 or over, tell them, and mask the names as the history shows them', async () => {
      const { volunteer } = await served(120);
      const elder = await api.make.user({ birthDate: '1950-03-01', displayName: '张德福' });
      const key = randomUUID();
      const input = { recipientUserId: elder.id, minutes: 45, note: '祝您健康', idempotencyKey: key };
      const { donateTimeCredits } = await api.ok(DONATE, { input }, volunteer.token);
      expect(donateTimeCredits).toMatchObject({ amount: -45, balanceAfter: 75, kind: 'TIME_CREDIT_DONATION', currency: 'TIME_CREDITS', memo: '祝您健康', counterparty: '张*福' });
      // A replay returns the first entry and moves nothing more.
      expect((await api.ok(DONATE, { input }, volunteer.token)).donateTimeCredits.id).toBe(donateTimeCredits.id);
      expect(await balances(elder)).toEqual({ pointsBalance: 0, timeCreditMinutes: 45 });
      await api.eventsSettled();
      expect(await api.notificationKinds(elder)).toContain('TIME_CREDITS_RECEIVED');
      // The same key for another request is refused and changes nothing.
      expect(await api.fails(DONATE, { input: { ...input, minutes: 46 } }, volunteer.token)).toMatchObject({ code: 'CONFLICT', key: 'idempotency.keyReused' });
      expect(await balances(elder)).toEqual({ pointsBalance: 0, timeCreditMinutes: 45 });
    });

    it('should give time credits to a resident who made the donor their proxy, whatever their age', async () => {
      const { volunteer } = await served(60);
      const mother = await api.make.user({ birthDate: '1980-01-01' });
      await api.make.proxyGrant(mother, volunteer);
      await api.ok(DONATE, { input: { recipientUserId: mother.id, minutes: 60, idempotencyKey: randomUUID() } }, volunteer.token);
      expect(await balances(mother)).toMatchObject({ timeCreditMinutes: 60 });
      expect(await balances(volunteer)).toMatchObject({ timeCreditMinutes: 0 });
    });

    it.each([
      ['a younger resident who granted no proxy', async () => ({ recipientUserId: (await api.make.user({ birthDate: '1990-01-01' })).id, minutes: 10 }), 'BAD_USER_INPUT', 'timeCredits.recipientNotEligible'],
      ['a resident with no birth date', async () => ({ recipientUserId: (await api.make.user()).id, minutes: 10 }), 'BAD_USER_INPUT', 'timeCredits.recipientNotEligible'],
      ['oneself', async () => ({ recipientUserId: 'SELF', minutes: 10 }), 'BAD_USER_INPUT', 'timeCredits.toSelf'],
      ['nobody', async () => ({ recipientUserId: '00000000-0000-4000-8000-000000000001', minutes: 10 }), 'NOT_FOUND', 'user.notFound'],
      ['more than the donor holds', async () => ({ recipientUserId: (await api.make.user({ birthDate: '1940-01-01' })).id, minutes: 61 }), 'CONFLICT', 'ledger.insufficientBalance'],
      ['zero minutes', async () => ({ recipientUserId: (await api.make.user({ birthDate: '1940-01-01' })).id, minutes: 0 }), 'BAD_USER_INPUT', undefined],
    ])('should refuse a donation to %s and move nothing', async (_what, make, code, key) => {
      const { volunteer } = await served(60);
      const over = await make();
      const input = { ...over, recipientUserId: over.recipientUserId === 'SELF' ? volunteer.id : over.recipientUserId, idempotencyKey: randomUUID() };
      const e = await api.fails(DONATE, { input }, volunteer.token);
      expect(e.code).toBe(code);
      if (key) expect(e.key).toBe(key);
      expect(await balances(volunteer)).toMatchObject({ timeCreditMinutes: 60 });
    });

    it('should refuse a short idempotency key', async () => {
      const { volunteer } = await served(60);
      const elder = await api.make.user({ birthDate: '1940-01-01' });
      expect(await api.fails(DONATE, { input: { recipientUserId: elder.id, minutes: 5, idempotencyKey: 'abc' } }, volunteer.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    });

    it('should give one transfer for 20 concurrent donations with one key, and refuse 40 concurrent donations beyond the balance', async () => {
      const { volunteer } = await served(60);
      const elder = await api.make.user({ birthDate: '1940-01-01' });
      const input = { recipientUserId: elder.id, minutes: 5, idempotencyKey: randomUUID() };
      const replies = await Promise.all(Array.from({ length: 20 }, () => api.gql(DONATE, { input }, volunteer.token)));
      expect(replies.every((r) => !r.errors)).toBe(true);
      expect(new Set(replies.map((r: any) => r.data.donateTimeCredits.id)).size).toBe(1);
      expect(await balances(elder)).toMatchObject({ timeCreditMinutes: 5 });
      // 55 minutes left: of 40 donations of 5, exactly 11 go through.
      const many = await Promise.all(Array.from({ length: 40 }, () => api.gql(DONATE, { input: { recipientUserId: elder.id, minutes: 5, idempotencyKey: randomUUID() } }, volunteer.token)));
      expect(many.filter((r) => !r.errors).length).toBe(11);
      expect(many.filter((r) => r.errors).every((r: any) => r.errors[0].extensions.code === 'CONFLICT')).toBe(true);
      const [acct] = await api.sql(`SELECT balance FROM ledger_account WHERE user_id = $1 AND currency = 'TIME_CREDITS'`, [volunteer.id]);
      expect(acct.balance).toBe(0);
    });
  });

  describe('reversals', () => {
    it('should let an administrator undo a transfer once, by a REVERSAL with a reason, audited', async () => {
      const { volunteer } = await served(120);
      const entries = (await api.ok(USER_LEDGER, { userId: volunteer.id }, admin.token)).userLedger.edges.map((e: any) => e.node);
      const earning = entries.find((e: any) => e.kind === 'SERVICE_EARNING');
      const input = { ledgerEntryId: earning.id, reason: '核实后该次服务重复记录', idempotencyKey: randomUUID() };
      const { reverseTransfer } = await api.ok(REVERSE, { input }, admin.token);
      expect(reverseTransfer).toMatchObject({ kind: 'REVERSAL', amount: -20, balanceAfter: 0, memo: '核实后该次服务重复记录' });
      // A replay returns the same reversal; another key is refused: a transfer is undone once.
      expect((await api.ok(REVERSE, { input }, admin.token)).reverseTransfer.id).toBe(reverseTransfer.id);
      expect(await api.fails(REVERSE, { input: { ...input, idempotencyKey: randomUUID() } }, admin.token)).toMatchObject({ code: 'CONFLICT', key: 'ledger.alreadyPosted' });
      expect(await balances(volunteer)).toEqual({ pointsBalance: 0, timeCreditMinutes: 120 });
      const mine = await history(volunteer, 'POINTS');
      expect(mine.map((e: any) => [e.kind, e.amount, e.reversed])).toEqual([
        ['REVERSAL', -20, false],
        ['SERVICE_EARNING', 20, true],
      ]);
      const audit = await api.sql(`SELECT actor_user_id, detail FROM audit_entry WHERE action = 'ledger.reverse' AND subject_id = (SELECT transfer_id::text FROM ledger_entry WHERE id = $1)`, [earning.id]);
      expect(audit).toEqual([{ actor_user_id: admin.id, detail: expect.objectContaining({ reason: '核实后该次服务重复记录', amount: 20 }) }]);
      // Twenty administrators' clicks at once still undo it once.
      const timeCredit = entries.find((e: any) => e.kind === 'TIME_CREDIT_EARNING');
      const at = await Promise.all(Array.from({ length: 20 }, () => api.gql(REVERSE, { input: { ledgerEntryId: timeCredit.id, reason: '重复', idempotencyKey: randomUUID() } }, admin.token)));
      expect(at.filter((r) => !r.errors).length).toBe(1);
      expect(await balances(volunteer)).toEqual({ pointsBalance: 0, timeCreditMinutes: 0 });
    });

    it('should refuse a reversal to anyone but an administrator, without a reason, of points already spent, or of an entry that does not exist', async () => {
      const { volunteer } = await served(60);
      const [earning] = (await api.ok(USER_LEDGER, { userId: volunteer.id }, admin.token)).userLedger.edges.map((e: any) => e.node).filter((e: any) => e.kind === 'TIME_CREDIT_EARNING');
      const official = await api.make.official(regions.street);
      for (const who of [volunteer, official, coordinator]) {
        expect(await api.fails(REVERSE, { input: { ledgerEntryId: earning.id, reason: '错', idempotencyKey: randomUUID() } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.fails(USER_LEDGER, { userId: volunteer.id }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await api.fails(REVERSE, { input: { ledgerEntryId: earning.id, reason: '   ', idempotencyKey: randomUUID() } }, admin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await api.fails(REVERSE, { input: { ledgerEntryId: randomUUID(), reason: '错', idempotencyKey: randomUUID() } }, admin.token)).toMatchObject({ code: 'NOT_FOUND' });
      // The minutes went to an elder: taking them back from the volunteer would go below zero.
      const elder = await api.make.user({ birthDate: '1940-01-01' });
      await api.ok(DONATE, { input: { recipientUserId: elder.id, minutes: 60, idempotencyKey: randomUUID() } }, volunteer.token);
      expect(await api.fails(REVERSE, { input: { ledgerEntryId: earning.id, reason: '错', idempotencyKey: randomUUID() } }, admin.token)).toMatchObject({ code: 'CONFLICT', key: 'ledger.insufficientBalance' });
      expect(await balances(volunteer)).toMatchObject({ timeCreditMinutes: 0 });
    });
  });

  describe('the books in the database', () => {
    it('should refuse to change or delete a posted transfer or entry, and an unbalanced transfer', async () => {
      const { recordId } = await served(60);
      const [t] = await api.sql(`SELECT id FROM ledger_transfer WHERE ref_id = $1 LIMIT 1`, [recordId]);
      await expect(api.sql(`UPDATE ledger_transfer SET amount = amount + 1 WHERE id = $1`, [t.id])).rejects.toThrow(/never changed/);
      await expect(api.sql(`DELETE FROM ledger_entry WHERE transfer_id = $1`, [t.id])).rejects.toThrow(/never changed/);
      const [issuance] = await api.sql(`SELECT id FROM ledger_account WHERE system_code = 'ISSUANCE' AND currency = 'POINTS'`);
      const [holds] = await api.sql(`SELECT id FROM ledger_account WHERE system_code = 'REDEMPTION_HOLDS' AND currency = 'POINTS'`);
      const runner = api.db.createQueryRunner();
      await runner.startTransaction();
      try {
        const [lone] = await runner.query(`INSERT INTO ledger_transfer (kind, currency, amount, from_account_id, to_account_id) VALUES ('BUDGET_ALLOCATION', 'POINTS', 5, $1, $2) RETURNING id`, [issuance.id, holds.id]);
        await runner.query(`INSERT INTO ledger_entry (transfer_id, account_id, amount, balance_after) VALUES ($1, $2, 5, 0)`, [lone.id, holds.id]);
        await expect(runner.commitTransaction()).rejects.toThrow(/does not balance/);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('the nightly trial balance', () => {
    it('should find nothing while the books are sound, and tell administrators of a difference made around the application', async () => {
      await served(60);
      const notifier = api.get(LedgerNotifier);
      const clean = await notifier.trialBalance(RequestContext.system());
      expect(clean).toMatchObject({ unbalanced: [], mismatched: [] });
      expect(clean.transfers).toBeGreaterThan(0);
      // Someone edits a balance by hand.
      const [acct] = await api.sql(`SELECT id, balance FROM ledger_account WHERE user_id IS NOT NULL AND currency = 'POINTS' LIMIT 1`);
      await api.sql(`UPDATE ledger_account SET balance = balance + 7 WHERE id = $1`, [acct.id]);
      try {
        const found = await notifier.trialBalance(RequestContext.system());
        expect(found.mismatched).toEqual([{ accountId: acct.id, balance: acct.balance + 7, entries: acct.balance }]);
        await api.eventsSettled();
        expect(await api.notificationKinds(admin)).toContain('LEDGER_OUT_OF_BALANCE');
        const [last] = await api.sql(`SELECT mismatched_accounts FROM ledger_trial_balance ORDER BY checked_at DESC LIMIT 1`);
        expect(last.mismatched_accounts).toBe(1);
        const metrics = await (await fetch(`${api.url}/metrics`)).text();
        expect(metrics).toMatch(/civicgrid_ledger_imbalances\{finding="mismatched_accounts"\} 1/);
      } finally {
        await api.sql(`UPDATE ledger_account SET balance = balance - 7 WHERE id = $1`, [acct.id]);
      }
      expect(await api.ledgerProblems()).toEqual([]);
    });

    it('should let administrators, and only them, read the last check and check now', async () => {
      const LAST = `{ lastTrialBalance { checkedAt transfers unbalancedTransfers mismatchedAccounts balanced } }`;
      const CHECK = `mutation { checkLedger { checkedAt transfers unbalancedTransfers mismatchedAccounts balanced } }`;
      const { checkLedger } = await api.ok(CHECK, {}, admin.token);
      expect(checkLedger).toMatchObject({ unbalancedTransfers: 0, mismatchedAccounts: 0, balanced: true });
      expect((await api.ok(LAST, {}, admin.token)).lastTrialBalance).toEqual(checkLedger);
      const official = await api.make.official(regions.street);
      for (const who of [coordinator, official]) {
        expect(await api.fails(LAST, {}, who.token)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await api.fails(CHECK, {}, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await api.fails(LAST)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
