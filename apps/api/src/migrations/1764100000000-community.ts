import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations at work: membership invitations and requests, the last-owner rule,
 * street alliances with pledges and their activity, residents' needs with support and
 * adoption, and residents' reviews of completed tasks.
 */
export class Community1764100000000 implements MigrationInterface {
  name = 'Community1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership ADD COLUMN invited_by_id uuid REFERENCES user_account(id)`);
    await q.query(`ALTER TABLE membership ADD COLUMN message text CHECK (length(message) <= 500)`);
    // An organisation always keeps an active owner. Services lock the organisation row
    // before changing memberships, so concurrent demotions cannot both pass this check.
    await q.query(`
      CREATE FUNCTION membership_keep_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.role = 'OWNER' AND OLD.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM membership WHERE organization_id = OLD.organization_id AND role = 'OWNER' AND status = 'ACTIVE')
           AND EXISTS (SELECT 1 FROM organization WHERE id = OLD.organization_id) THEN
          RAISE EXCEPTION 'organisation % would have no owner', OLD.organization_id USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_keeps_owner';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER membership_keep_owner AFTER UPDATE OR DELETE ON membership FOR EACH ROW EXECUTE FUNCTION membership_keep_owner()`);

    await q.query(`
      CREATE TABLE alliance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
        region_id uuid NOT NULL REFERENCES region(id),
        region_path text NOT NULL,
        charter text NOT NULL CHECK (length(btrim(charter)) BETWEEN 1 AND 4000),
        pledge_options text[] NOT NULL CHECK (cardinality(pledge_options) BETWEEN 1 AND 20),
        steward_id uuid NOT NULL REFERENCES organization(id),
        created_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (region_id, name)
      )`);
    await q.query(`CREATE INDEX alliance_region_path_idx ON alliance (region_path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE alliance_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id),
        status text NOT NULL CHECK (status IN ('APPLIED','ACTIVE','REJECTED','SUSPENDED','LEFT')),
        pledges text[] NOT NULL CHECK (cardinality(pledges) >= 1),
        joined_at timestamptz(3),
        decided_by_id uuid REFERENCES user_account(id),
        decision_reason text CHECK (length(decision_reason) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status <> 'ACTIVE' OR joined_at IS NOT NULL)
      )`);
    // One standing application or membership per organisation and alliance.
    await q.query(`CREATE UNIQUE INDEX alliance_member_standing_uq ON alliance_member (alliance_id, organization_id) WHERE status IN ('APPLIED','ACTIVE','SUSPENDED')`);
    await q.query(`CREATE INDEX alliance_member_alliance_idx ON alliance_member (alliance_id, created_at, id)`);

    await q.query(`
      CREATE TABLE pledge_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_member_id uuid NOT NULL REFERENCES alliance_member(id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL REFERENCES alliance(id) ON DELETE CASCADE,
        pledge text NOT NULL,
        note text CHECK (length(note) <= 1000),
        quantity double precision CHECK (quantity IS NULL OR quantity >= 0),
        unit text CHECK (length(unit) <= 20),
        occurred_at timestamptz(3) NOT NULL,
        recorded_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((quantity IS NULL) = (unit IS NULL))
      )`);
    await q.query(`CREATE INDEX pledge_activity_feed_idx ON pledge_activity (alliance_id, occurred_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 120),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
        category text NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
        region_id uuid NOT NULL REFERENCES region(id),
        region_path text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ADOPTED','FULFILLED','CLOSED')),
        posted_by_id uuid NOT NULL REFERENCES user_account(id),
        on_behalf_of_id uuid REFERENCES user_account(id),
        support_count integer NOT NULL DEFAULT 0 CHECK (support_count >= 0),
        adopted_by_id uuid REFERENCES organization(id),
        task_id uuid UNIQUE REFERENCES task(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status IN ('ADOPTED','FULFILLED')) = (task_id IS NOT NULL) OR status = 'CLOSED'),
        CHECK (on_behalf_of_id IS NULL OR on_behalf_of_id <> posted_by_id)
      )`);
    await q.query(`CREATE INDEX need_board_idx ON need (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX need_region_path_idx ON need (region_path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE need_support (
        need_id uuid NOT NULL REFERENCES need(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, user_id)
      )`);
    // The count follows the rows, so concurrent supports never lose an update.
    await q.query(`
      CREATE FUNCTION need_support_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE need SET support_count = support_count + 1 WHERE id = NEW.need_id;
        ELSE
          UPDATE need SET support_count = support_count - 1 WHERE id = OLD.need_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER need_support_count AFTER INSERT OR DELETE ON need_support FOR EACH ROW EXECUTE FUNCTION need_support_count()`);

    await q.query(`ALTER TABLE task ADD COLUMN need_id uuid UNIQUE REFERENCES need(id)`);
    await q.query(`ALTER TABLE task ADD COLUMN completed_at timestamptz(3)`);

    await q.query(`
      CREATE TABLE task_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES user_account(id),
        rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (length(comment) <= 1000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (task_id, reviewer_id)
      )`);
    await q.query(`CREATE INDEX task_review_task_idx ON task_review (task_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS task_review`);
    await q.query(`ALTER TABLE task DROP COLUMN IF EXISTS completed_at`);
    await q.query(`ALTER TABLE task DROP COLUMN IF EXISTS need_id`);
    await q.query(`DROP TABLE IF EXISTS need_support`);
    await q.query(`DROP FUNCTION IF EXISTS need_support_count()`);
    await q.query(`DROP TABLE IF EXISTS need`);
    await q.query(`DROP TABLE IF EXISTS pledge_activity`);
    await q.query(`DROP TABLE IF EXISTS alliance_member`);
    await q.query(`DROP TABLE IF EXISTS alliance`);
    await q.query(`DROP TRIGGER IF EXISTS membership_keep_owner ON membership`);
    await q.query(`DROP FUNCTION IF EXISTS membership_keep_owner()`);
    await q.query(`ALTER TABLE membership DROP COLUMN IF EXISTS message`);
    await q.query(`ALTER TABLE membership DROP COLUMN IF EXISTS invited_by_id`);
  }
}
