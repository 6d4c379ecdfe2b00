import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two hottest paths in one statement each.
 *
 * `actor_facts` reads what the policy decides from (role, proxy grants, official scopes,
 * home and led grid, organisation roles) for a signed-in user whose session is live: one
 * round trip per request instead of five. It reads identity's, geo's and organisations'
 * tables; it is the policy's read model and changes with them, in this timeline.
 *
 * `decide_shift_claim` decides a claim while holding the shift's row lock for the length of one
 * statement instead of across several round trips: duplicates and overlaps (serialised
 * per volunteer), the status (CONFIRMED while places are left, then WAITLISTED, or
 * PENDING_APPROVAL), the claim row, its audit entry when made for someone else, and its
 * outbox event. The shift-count trigger, its CHECK and the one-standing-claim index still
 * guard the result.
 */
export class HotPaths1764800000000 implements MigrationInterface {
  name = 'HotPaths1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION actor_facts(p_user uuid, p_session uuid, p_now timestamptz)
      RETURNS TABLE (role text, home_path text, leads_path text, proxy_for uuid[], official_scopes text[], memberships jsonb)
      LANGUAGE sql STABLE AS $$
        SELECT u.role,
               (SELECT r.path FROM region r WHERE r.id = u.home_region_id),
               (SELECT r.path FROM region r WHERE r.id = u.leads_grid_id),
               ARRAY(SELECT g.resident_id FROM proxy_grant g WHERE g.proxy_id = u.id AND g.revoked_at IS NULL),
               ARRAY(SELECT r.path FROM official_post p JOIN region r ON r.id = p.region_id WHERE p.user_id = u.id AND u.role = 'OFFICIAL'),
               COALESCE((SELECT jsonb_object_agg(m.organization_id, m.role) FROM membership m WHERE m.user_id = u.id AND m.status = 'ACTIVE'), '{}'::jsonb)
          FROM user_account u
          JOIN auth_session s ON s.id = p_session AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > p_now
         WHERE u.id = p_user
      $$`);

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
        -- One claim decision at a time per volunteer (duplicates, overlaps), then per shift (places).
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION decide_shift_claim(uuid, uuid, uuid, boolean, uuid, text, timestamptz)`);
    await q.query(`DROP FUNCTION actor_facts(uuid, uuid, timestamptz)`);
  }
}
