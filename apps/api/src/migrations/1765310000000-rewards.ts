import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards at alliance merchants, their redemptions by single-use code, and the alliance's
 * settlement rate.
 *
 * The database keeps the counts, whatever the code does:
 * - stock never goes below zero (CHECK): a redemption takes it by a guarded UPDATE;
 * - a code is 8 characters of the unambiguous alphabet and unique among HELD redemptions
 *   (a partial unique index), so the counter finds exactly one;
 * - a confirmed redemption has its settlement transfer, an ended one its release.
 */
export class Rewards1765310000000 implements MigrationInterface {
  name = 'Rewards1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alliance ADD COLUMN settlement_rate_fen integer CHECK (settlement_rate_fen BETWEEN 0 AND 100000)`);
    await q.query(`
      CREATE TABLE reward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES organization(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        -- the alliance's region path, so the catalogue filters by region without a join
        region_path text NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 120),
        description text CHECK (length(description) <= 2000),
        points_cost integer NOT NULL CHECK (points_cost BETWEEN 1 AND 1000000),
        stock integer NOT NULL CHECK (stock >= 0),
        valid_until timestamptz,
        paused boolean NOT NULL DEFAULT false,
        created_by_id uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reward_merchant ON reward (merchant_id, created_at DESC)`);
    await q.query(`CREATE INDEX reward_catalogue ON reward (created_at DESC, id DESC) WHERE NOT paused AND stock > 0`);

    await q.query(`
      CREATE TABLE redemption (
        id uuid PRIMARY KEY,
        reward_id uuid NOT NULL REFERENCES reward(id),
        merchant_id uuid NOT NULL REFERENCES organization(id),
        user_id uuid NOT NULL REFERENCES user_account(id),
        -- the user, or the proxy who redeemed for them
        redeemed_by_id uuid NOT NULL REFERENCES user_account(id),
        points integer NOT NULL CHECK (points > 0),
        code text NOT NULL CHECK (code ~ '^[2-9A-HJKMNP-Z]{8}$'),
        status text NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
        expires_at timestamptz NOT NULL,
        hold_transfer_id uuid NOT NULL UNIQUE REFERENCES ledger_transfer(id),
        settled_transfer_id uuid UNIQUE REFERENCES ledger_transfer(id),
        released_transfer_id uuid UNIQUE REFERENCES ledger_transfer(id),
        confirmed_at timestamptz,
        confirmed_by_id uuid REFERENCES user_account(id),
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'CONFIRMED') = (settled_transfer_id IS NOT NULL AND confirmed_at IS NOT NULL AND confirmed_by_id IS NOT NULL)),
        CHECK ((status IN ('CANCELLED', 'EXPIRED')) = (released_transfer_id IS NOT NULL AND ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX redemption_code_held ON redemption (code) WHERE status = 'HELD'`);
    await q.query(`CREATE INDEX redemption_code ON redemption (code)`);
    await q.query(`CREATE INDEX redemption_user ON redemption (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX redemption_redeemed_by ON redemption (redeemed_by_id, created_at DESC)`);
    await q.query(`CREATE INDEX redemption_merchant ON redemption (merchant_id, created_at DESC)`);
    await q.query(`CREATE INDEX redemption_settlement ON redemption (merchant_id, confirmed_at) WHERE status = 'CONFIRMED'`);
    await q.query(`CREATE INDEX redemption_held_expiry ON redemption (expires_at) WHERE status = 'HELD'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE redemption`);
    await q.query(`DROP TABLE reward`);
    await q.query(`ALTER TABLE alliance DROP COLUMN settlement_rate_fen`);
  }
}
