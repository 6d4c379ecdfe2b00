import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changing and cancelling work, and signing up together.
 *
 * - A shift has a meeting place, and may be cancelled with a reason; so may a task. A
 *   cancelled shift leaves the board (its board columns are null, like a draft's) and takes
 *   no claims.
 * - Claims of one party (a volunteer and their companions) share `party_id`: they are
 *   confirmed together or wait together. `promote_waitlist` fills free places from the
 *   waitlist in arrival order, a party only when all of it fits.
 * - `decide_shift_claim` now also refuses cancelled shifts and volunteers the task's
 *   prerequisites exclude (minimum age at the shift's date in Shanghai, mandatory skills),
 *   and decides a party's member with the places the whole party needs (`p_places`) or
 *   onto the waitlist (`p_waitlist`) when an earlier member had to wait.
 */
export class ChangingWork1764850000000 implements MigrationInterface {
  name = 'ChangingWork1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE shift
        ADD COLUMN place text CHECK (length(btrim(place)) BETWEEN 1 AND 200),
        ADD COLUMN cancelled_at timestamptz(3),
        ADD COLUMN cancel_reason text CHECK (length(btrim(cancel_reason)) BETWEEN 1 AND 500),
        ADD CONSTRAINT shift_cancel_pair CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))`);
    await q.query(`
      ALTER TABLE task
        ADD COLUMN cancelled_at timestamptz(3),
        ADD COLUMN cancel_reason text CHECK (length(btrim(cancel_reason)) BETWEEN 1 AND 500),
        ADD CONSTRAINT task_cancel_pair CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))`);

    await q.query(`ALTER TABLE shift_claim ADD COLUMN party_id uuid`);
    await q.query(`CREATE INDEX shift_claim_party_idx ON shift_claim (party_id) WHERE party_id IS NOT NULL`);

    // The board shows shifts of published tasks that are not cancelled.
    await q.query(`
      CREATE OR REPLACE FUNCTION shift_board_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT CASE WHEN t.status = 'PUBLISHED' AND NEW.cancelled_at IS NULL THEN t.region_id END,
               CASE WHEN t.status = 'PUBLISHED' AND NEW.cancelled_at IS NULL THEN t.region_path END
          INTO NEW.board_region_id, NEW.board_path
          FROM task t WHERE t.id = NEW.task_id;
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER shift_board_fill ON shift`);
    await q.query(`
      CREATE TRIGGER shift_board_fill BEFORE INSERT OR UPDATE OF task_id, board_region_id, board_path, cancelled_at ON shift
        FOR EACH ROW EXECUTE FUNCTION shift_board_fill()`);

    await q.query(`
      CREATE FUNCTION promote_waitlist(p_shift uuid) RETURNS SETOF uuid LANGUAGE plpgsql AS $$
      DECLARE
        free int;
        e record;
      BEGIN
        SELECT CASE WHEN cancelled_at IS NULL THEN capacity - confirmed_count ELSE 0 END INTO free FROM shift WHERE id = p_shift FOR UPDATE;
        FOR e IN SELECT array_agg(id ORDER BY seq) AS ids, count(*)::int AS n
                   FROM shift_claim WHERE shift_id = p_shift AND status = 'WAITLISTED'
                  GROUP BY coalesce(party_id, id) ORDER BY min(seq) LOOP
          EXIT WHEN free <= 0;
          -- A party waits on until all of it fits; those behind it that fit go first.
          CONTINUE WHEN e.n > free;
          UPDATE shift_claim SET status = 'CONFIRMED', updated_at = now() WHERE id = ANY (e.ids);
          free := free - e.n;
          RETURN QUERY SELECT unnest(e.ids);
        END LOOP;
      END $$`);

    await q.query(`DROP FUNCTION decide_shift_claim(uuid, uuid, uuid, boolean, uuid, text, timestamptz)`);
    await q.query(`
      CREATE FUNCTION decide_shift_claim(p_shift uuid, p_volunteer uuid, p_proxy uuid, p_invited boolean, p_actor uuid, p_request text, p_now timestamptz,
                                         p_party uuid DEFAULT NULL, p_places int DEFAULT 1, p_waitlist boolean DEFAULT false)
      RETURNS TABLE (outcome text, claim_id uuid, claim_status text, detail text)
      LANGUAGE plpgsql AS $$
      DECLARE
        s shift%ROWTYPE;
        t task%ROWTYPE;
        v user_account%ROWTYPE;
        missing text[];
        decided text;
        made uuid;
      BEGIN
        -- One claim decision at a time per volunteer (duplicates, overlaps), then per shift (places).
        PERFORM pg_advisory_xact_lock(hashtext('volunteer:' || p_volunteer::text));
        SELECT * INTO s FROM shift WHERE id = p_shift FOR UPDATE;
        IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        SELECT * INTO t FROM task WHERE id = s.task_id;
        IF t.status = 'DRAFT' THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        IF t.status <> 'PUBLISHED' THEN RETURN QUERY SELECT 'TASK_NOT_OPEN', NULL::uuid, NULL::text, t.status; RETURN; END IF;
        IF s.cancelled_at IS NOT NULL THEN RETURN QUERY SELECT 'SHIFT_CANCELLED', NULL::uuid, NULL::text, s.cancel_reason; RETURN; END IF;
        IF s.ends_at <= p_now THEN RETURN QUERY SELECT 'ENDED', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        SELECT * INTO v FROM user_account WHERE id = p_volunteer;
        IF t.minimum_age IS NOT NULL THEN
          IF v.birth_date IS NULL THEN RETURN QUERY SELECT 'AGE_UNKNOWN', NULL::uuid, NULL::text, t.minimum_age::text; RETURN; END IF;
          IF v.birth_date + make_interval(years => t.minimum_age) > (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date THEN
            RETURN QUERY SELECT 'TOO_YOUNG', NULL::uuid, NULL::text, t.minimum_age::text; RETURN;
          END IF;
        END IF;
        IF t.skills_mandatory THEN
          missing := ARRAY(SELECT k FROM unnest(t.required_skills) k WHERE NOT k = ANY (v.skills) ORDER BY k);
          IF cardinality(missing) > 0 THEN RETURN QUERY SELECT 'MISSING_SKILLS', NULL::uuid, NULL::text, array_to_string(missing, ','); RETURN; END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM shift_claim c WHERE c.shift_id = p_shift AND c.volunteer_id = p_volunteer AND claim_is_standing(c.status)) THEN
          RETURN QUERY SELECT 'DUPLICATE', NULL::uuid, NULL::text, NULL::text; RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM shift_claim c JOIN shift o ON o.id = c.shift_id
                    WHERE c.volunteer_id = p_volunteer AND claim_holds_time(c.status) AND o.starts_at < s.ends_at AND o.ends_at > s.starts_at) THEN
          RETURN QUERY SELECT 'OVERLAP', NULL::uuid, NULL::text, NULL::text; RETURN;
        END IF;
        IF p_invited AND s.confirmed_count >= s.capacity THEN RETURN QUERY SELECT 'FULL', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        decided := CASE WHEN p_invited THEN 'CONFIRMED'
                        WHEN t.requires_approval THEN 'PENDING_APPROVAL'
                        WHEN NOT p_waitlist AND s.confirmed_count + p_places <= s.capacity THEN 'CONFIRMED'
                        ELSE 'WAITLISTED' END;
        INSERT INTO shift_claim (shift_id, volunteer_id, status, acting_proxy_id, party_id) VALUES (p_shift, p_volunteer, decided, p_proxy, p_party) RETURNING id INTO made;
        IF p_proxy IS NOT NULL THEN
          INSERT INTO audit_entry (actor_user_id, action, subject_type, subject_id, detail, request_id)
          VALUES (p_actor, 'claim.onBehalf', 'shift_claim', made::text, jsonb_build_object('volunteerId', p_volunteer, 'shiftId', p_shift, 'status', decided), p_request);
        END IF;
        INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload, actor_user_id)
        VALUES (CASE decided WHEN 'CONFIRMED' THEN 'claim.confirmed' WHEN 'WAITLISTED' THEN 'claim.waitlisted' ELSE 'claim.requested' END,
                'shift', p_shift,
                jsonb_build_object('claimId', made, 'shiftId', p_shift, 'taskId', t.id, 'organizationId', t.organization_id, 'regionPath', t.region_path,
                                   'volunteerId', p_volunteer, 'status', decided, 'invited', p_invited),
                p_actor);
        PERFORM pg_notify('civicgrid_outbox', '');
        RETURN QUERY SELECT 'OK', made, decided, NULL::text;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION decide_shift_claim(uuid, uuid, uuid, boolean, uuid, text, timestamptz, uuid, int, boolean)`);
    await q.query(`
      CREATE FUNCTION decide_shift_claim(p_shift uuid, p_volunteer uuid, p_proxy uuid, p_invited boolean, p_actor uuid, p_request text, p_now timestamptz)
      RETURNS TABLE (outcome text, claim_id uuid, claim_status text, detail text)
      LANGUAGE plpgsql AS $$
      DECLARE
        s shift%ROWTYPE;
        t task%ROWTYPE;
        decided text;
        made uuid;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('volunteer:' || p_volunteer::text));
        SELECT * INTO s FROM shift WHERE id = p_shift FOR UPDATE;
        IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        SELECT * INTO t FROM task WHERE id = s.task_id;
        IF t.status = 'DRAFT' THEN RETURN QUERY SELECT 'NOT_FOUND', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        IF t.status <> 'PUBLISHED' THEN RETURN QUERY SELECT 'TASK_NOT_OPEN', NULL::uuid, NULL::text, t.status; RETURN; END IF;
        IF s.ends_at <= p_now THEN RETURN QUERY SELECT 'ENDED', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        IF EXISTS (SELECT 1 FROM shift_claim c WHERE c.shift_id = p_shift AND c.volunteer_id = p_volunteer AND claim_is_standing(c.status)) THEN
          RETURN QUERY SELECT 'DUPLICATE', NULL::uuid, NULL::text, NULL::text; RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM shift_claim c JOIN shift o ON o.id = c.shift_id
                    WHERE c.volunteer_id = p_volunteer AND claim_holds_time(c.status) AND o.starts_at < s.ends_at AND o.ends_at > s.starts_at) THEN
          RETURN QUERY SELECT 'OVERLAP', NULL::uuid, NULL::text, NULL::text; RETURN;
        END IF;
        IF p_invited AND s.confirmed_count >= s.capacity THEN RETURN QUERY SELECT 'FULL', NULL::uuid, NULL::text, NULL::text; RETURN; END IF;
        decided := CASE WHEN p_invited THEN 'CONFIRMED' WHEN t.requires_approval THEN 'PENDING_APPROVAL' WHEN s.confirmed_count < s.capacity THEN 'CONFIRMED' ELSE 'WAITLISTED' END;
        INSERT INTO shift_claim (shift_id, volunteer_id, status, acting_proxy_id) VALUES (p_shift, p_volunteer, decided, p_proxy) RETURNING id INTO made;
        IF p_proxy IS NOT NULL THEN
          INSERT INTO audit_entry (actor_user_id, action, subject_type, subject_id, detail, request_id)
          VALUES (p_actor, 'claim.onBehalf', 'shift_claim', made::text, jsonb_build_object('volunteerId', p_volunteer, 'shiftId', p_shift, 'status', decided), p_request);
        END IF;
        INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload, actor_user_id)
        VALUES (CASE decided WHEN 'CONFIRMED' THEN 'claim.confirmed' WHEN 'WAITLISTED' THEN 'claim.waitlisted' ELSE 'claim.requested' END,
                'shift', p_shift,
                jsonb_build_object('claimId', made, 'shiftId', p_shift, 'taskId', t.id, 'organizationId', t.organization_id, 'regionPath', t.region_path,
                                   'volunteerId', p_volunteer, 'status', decided, 'invited', p_invited),
                p_actor);
        PERFORM pg_notify('civicgrid_outbox', '');
        RETURN QUERY SELECT 'OK', made, decided, NULL::text;
      END
      $$`);
    await q.query(`DROP FUNCTION promote_waitlist(uuid)`);
    await q.query(`DROP TRIGGER shift_board_fill ON shift`);
    await q.query(`
      CREATE OR REPLACE FUNCTION shift_board_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT CASE WHEN t.status = 'PUBLISHED' THEN t.region_id END, CASE WHEN t.status = 'PUBLISHED' THEN t.region_path END
          INTO NEW.board_region_id, NEW.board_path
          FROM task t WHERE t.id = NEW.task_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER shift_board_fill BEFORE INSERT OR UPDATE OF task_id, board_region_id, board_path ON shift
        FOR EACH ROW EXECUTE FUNCTION shift_board_fill()`);
    await q.query(`DROP INDEX shift_claim_party_idx`);
    await q.query(`ALTER TABLE shift_claim DROP COLUMN party_id`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_cancel_pair, DROP COLUMN cancel_reason, DROP COLUMN cancelled_at`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT shift_cancel_pair, DROP COLUMN cancel_reason, DROP COLUMN cancelled_at, DROP COLUMN place`);
  }
}
