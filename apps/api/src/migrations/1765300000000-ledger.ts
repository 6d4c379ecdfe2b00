import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incentives ledger: accounts per (owner, currency), append-only transfers of two
 * entries that sum to zero, idempotency keys, street offices' budgets and officials'
 * incentives.
 *
 * The database keeps the books, whatever the code does:
 * - an entry's insert moves its account's balance and records `balance_after` (a BEFORE
 *   trigger), so a balance is always the sum of its entries;
 * - a user's or organisation's account (and the holds account) never goes below zero,
 *   counting what is reserved for incentives awaiting a second official (CHECK);
 * - a transfer has exactly two entries, on its own accounts, summing to zero (a deferred
 *   constraint trigger checked at commit);
 * - transfers and entries are never updated or deleted: a REVERSAL transfer undoes one,
 *   at most once;
 * - one cause earns once: a transfer with a `ref` is unique per (kind, ref).
 */
export class Ledger1765300000000 implements MigrationInterface {
  name = 'Ledger1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type text NOT NULL CHECK (owner_type IN ('USER', 'ORGANIZATION', 'SYSTEM')),
        user_id uuid REFERENCES user_account(id),
        organization_id uuid REFERENCES organization(id),
        system_code text CHECK (system_code IN ('ISSUANCE', 'REDEMPTION_HOLDS')),
        currency text NOT NULL CHECK (currency IN ('POINTS', 'TIME_CREDITS')),
        balance integer NOT NULL DEFAULT 0,
        -- points set aside for incentives awaiting a second official: not spendable
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_account_one_owner CHECK (
          (owner_type = 'USER') = (user_id IS NOT NULL)
          AND (owner_type = 'ORGANIZATION') = (organization_id IS NOT NULL)
          AND (owner_type = 'SYSTEM') = (system_code IS NOT NULL)),
        -- only issuance creates value, so only it may stand below zero
        CONSTRAINT ledger_account_never_negative CHECK (coalesce(system_code, '') = 'ISSUANCE' OR balance - reserved >= 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_account_user ON ledger_account (user_id, currency) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ledger_account_organization ON ledger_account (organization_id, currency) WHERE organization_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ledger_account_system ON ledger_account (system_code, currency) WHERE system_code IS NOT NULL`);
    await q.query(`INSERT INTO ledger_account (owner_type, system_code, currency) VALUES ('SYSTEM', 'ISSUANCE', 'POINTS'), ('SYSTEM', 'ISSUANCE', 'TIME_CREDITS'), ('SYSTEM', 'REDEMPTION_HOLDS', 'POINTS')`);

    await q.query(`
      CREATE TABLE ledger_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SERVICE_EARNING', 'TIME_CREDIT_EARNING', 'BUDGET_ALLOCATION', 'INCENTIVE', 'REDEMPTION_HOLD', 'REDEMPTION_SETTLED', 'REDEMPTION_RELEASED', 'TIME_CREDIT_DONATION', 'REVERSAL')),
        currency text NOT NULL CHECK (currency IN ('POINTS', 'TIME_CREDITS')),
        amount integer NOT NULL CHECK (amount > 0),
        from_account_id uuid NOT NULL REFERENCES ledger_account(id),
        to_account_id uuid NOT NULL REFERENCES ledger_account(id),
        memo text CHECK (length(memo) <= 500),
        ref_type text,
        ref_id uuid,
        reverses_id uuid UNIQUE REFERENCES ledger_transfer(id),
        actor_user_id uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_account_id <> to_account_id),
        CHECK ((ref_type IS NULL) = (ref_id IS NULL)),
        CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_transfer_once_per_cause ON ledger_transfer (kind, ref_type, ref_id) WHERE ref_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        transfer_id uuid NOT NULL REFERENCES ledger_transfer(id),
        account_id uuid NOT NULL REFERENCES ledger_account(id),
        amount integer NOT NULL CHECK (amount <> 0),
        balance_after integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (transfer_id, account_id)
      )`);
    await q.query(`CREATE INDEX ledger_entry_account_history ON ledger_entry (account_id, created_at DESC, id DESC)`);

    // The entry moves its account: the balance is never written any other way.
    await q.query(`
      CREATE FUNCTION ledger_entry_post() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_account SET balance = balance + NEW.amount WHERE id = NEW.account_id RETURNING balance INTO NEW.balance_after;
        IF NOT FOUND THEN RAISE EXCEPTION 'ledger entry on unknown account %', NEW.account_id; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_post BEFORE INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_entry_post()`);

    // At commit: two entries, on the transfer's accounts, in its currency, summing to zero.
    await q.query(`
      CREATE FUNCTION ledger_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ok boolean;
      BEGIN
        SELECT count(*) = 2 AND sum(e.amount) = 0
               AND bool_and((e.account_id = t.from_account_id AND e.amount = -t.amount) OR (e.account_id = t.to_account_id AND e.amount = t.amount))
               AND bool_and(a.currency = t.currency)
          INTO ok
          FROM ledger_transfer t JOIN ledger_entry e ON e.transfer_id = t.id JOIN ledger_account a ON a.id = e.account_id
         WHERE t.id = NEW.transfer_id
         GROUP BY t.id;
        IF NOT coalesce(ok, false) THEN RAISE EXCEPTION 'ledger transfer % does not balance', NEW.transfer_id USING ERRCODE = 'check_violation'; END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER ledger_transfer_balanced AFTER INSERT ON ledger_entry DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balanced()`);

    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are never changed: a REVERSAL transfer undoes one', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER ledger_transfer_append_only BEFORE UPDATE OR DELETE ON ledger_transfer FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await q.query(`CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);

    // A replay of a value-moving request returns what the first one did.
    await q.query(`
      CREATE TABLE idempotency_key (
        actor_user_id uuid NOT NULL REFERENCES user_account(id),
        key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
        operation text NOT NULL,
        request_hash text NOT NULL,
        result_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_user_id, key)
      )`);

    // ---------- budgets and incentives ----------
    await q.query(`
      CREATE TABLE incentive_budget (
        organization_id uuid PRIMARY KEY REFERENCES organization(id),
        points_per_hour integer NOT NULL DEFAULT 10 CHECK (points_per_hour BETWEEN 0 AND 1000),
        approval_threshold integer NOT NULL DEFAULT 500 CHECK (approval_threshold BETWEEN 1 AND 100000000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE incentive (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_organization_id uuid NOT NULL REFERENCES organization(id),
        recipient_user_id uuid REFERENCES user_account(id),
        recipient_organization_id uuid REFERENCES organization(id),
        points integer NOT NULL CHECK (points > 0),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        status text NOT NULL CHECK (status IN ('ISSUED', 'PENDING_APPROVAL', 'REJECTED')),
        issued_by_id uuid NOT NULL REFERENCES user_account(id),
        approved_by_id uuid REFERENCES user_account(id),
        decided_by_id uuid REFERENCES user_account(id),
        decided_at timestamptz,
        decided_reason text CHECK (length(decided_reason) <= 500),
        transfer_id uuid UNIQUE REFERENCES ledger_transfer(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((recipient_user_id IS NULL) <> (recipient_organization_id IS NULL)),
        CHECK (recipient_organization_id IS DISTINCT FROM budget_organization_id),
        CHECK ((status = 'ISSUED') = (transfer_id IS NOT NULL)),
        -- the two-person rule: whoever decides is never the issuer
        CHECK (decided_by_id IS DISTINCT FROM issued_by_id),
        CHECK ((decided_by_id IS NULL) = (decided_at IS NULL)),
        CHECK (status <> 'PENDING_APPROVAL' OR decided_by_id IS NULL),
        CHECK (status <> 'REJECTED' OR (decided_by_id IS NOT NULL AND approved_by_id IS NULL)),
        CHECK (approved_by_id IS NULL OR (status = 'ISSUED' AND approved_by_id = decided_by_id))
      )`);
    await q.query(`CREATE INDEX incentive_budget_history ON incentive (budget_organization_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX incentive_pending ON incentive (budget_organization_id) WHERE status = 'PENDING_APPROVAL'`);
    await q.query(`CREATE INDEX incentive_public ON incentive (created_at DESC, id DESC) WHERE status = 'ISSUED'`);

    // The nightly trial balance and its findings.
    await q.query(`
      CREATE TABLE ledger_trial_balance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        checked_at timestamptz NOT NULL,
        transfers integer NOT NULL,
        unbalanced_transfers integer NOT NULL,
        mismatched_accounts integer NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_trial_balance, incentive, incentive_budget, idempotency_key`);
    await q.query(`DROP TABLE ledger_entry, ledger_transfer, ledger_account`);
    await q.query(`DROP FUNCTION ledger_append_only(), ledger_transfer_balanced(), ledger_entry_post()`);
  }
}
