import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema: regions, people, organisations, tasks, shifts, claims, service
 * records, audit log and login throttling. Invariants live here as well as in code:
 * the shift's place counts are kept by a trigger and bounded by a CHECK, so no path
 * into an occupying claim can overfill a shift.
 */
export class CoreSchema1764000000000 implements MigrationInterface {
  name = 'CoreSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES region(id) ON DELETE RESTRICT,
        level text NOT NULL CHECK (level IN ('DISTRICT','STREET','COMMUNITY','GRID')),
        code text NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        name_en text,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        path text NOT NULL UNIQUE,
        CHECK ((parent_id IS NULL) = (level = 'DISTRICT'))
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_id)`);
    await q.query(`CREATE INDEX region_path_prefix_idx ON region (path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone text NOT NULL UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        password_hash text NOT NULL,
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 40),
        role text NOT NULL DEFAULT 'RESIDENT' CHECK (role IN ('RESIDENT','OFFICIAL','ADMIN','DEPARTMENT_STAFF')),
        home_region_id uuid REFERENCES region(id),
        leads_grid_id uuid REFERENCES region(id),
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        elder_mode boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','zh-TW','en')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_account_home_region_idx ON user_account (home_region_id)`);

    await q.query(`
      CREATE TABLE proxy_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resident_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        proxy_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        consent_note text NOT NULL CHECK (length(btrim(consent_note)) >= 4),
        granted_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        CHECK (resident_id <> proxy_id),
        CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX proxy_grant_active_uq ON proxy_grant (resident_id, proxy_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX proxy_grant_proxy_idx ON proxy_grant (proxy_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE official_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 80),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (user_id, region_id)
      )`);

    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
        kind text NOT NULL CHECK (kind IN ('NGO','SOCIAL_GROUP','MERCHANT','SENIORS_COUNCIL','WOMENS_FEDERATION','RESIDENTS_COMMITTEE','STREET_OFFICE','DEPARTMENT')),
        region_id uuid NOT NULL REFERENCES region(id),
        description text,
        verified boolean NOT NULL DEFAULT false,
        verified_at timestamptz(3),
        verified_by_id uuid REFERENCES user_account(id),
        created_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (verified = (verified_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX organization_region_idx ON organization (region_id)`);
    await q.query(`CREATE INDEX organization_name_idx ON organization (name, id)`);

    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER','ADMIN','COORDINATOR','MEMBER')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('INVITED','REQUESTED','ACTIVE','LEFT','REMOVED')),
        senior_title text CHECK (senior_title IN ('RETIRED_CADRE','VETERAN','RETIRED_TEACHER','MODEL_WORKER','RETIRED_POLICE','OTHER')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (organization_id, user_id)
      )`);
    await q.query(`CREATE INDEX membership_user_idx ON membership (user_id) WHERE status = 'ACTIVE'`);

    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 120),
        description text,
        category text NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
        region_id uuid NOT NULL REFERENCES region(id),
        region_path text NOT NULL,
        required_skills text[] NOT NULL DEFAULT '{}',
        requires_approval boolean NOT NULL DEFAULT false,
        requires_check_in_code boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','CLOSED','COMPLETED','CANCELLED')),
        created_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3),
        closed_at timestamptz(3),
        CHECK (status = 'DRAFT' OR published_at IS NOT NULL OR status = 'CANCELLED')
      )`);
    await q.query(`CREATE INDEX task_org_idx ON task (organization_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX task_region_path_idx ON task (region_path text_pattern_ops) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX task_skills_idx ON task USING gin (required_skills)`);

    await q.query(`
      CREATE TABLE shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        confirmed_count integer NOT NULL DEFAULT 0,
        waitlist_count integer NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
        pending_count integer NOT NULL DEFAULT 0 CHECK (pending_count >= 0),
        check_in_code text NOT NULL CHECK (check_in_code ~ '^[0-9]{6}$'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CONSTRAINT shift_within_capacity CHECK (confirmed_count BETWEEN 0 AND capacity)
      )`);
    await q.query(`CREATE INDEX shift_task_idx ON shift (task_id, starts_at)`);
    await q.query(`CREATE INDEX shift_board_idx ON shift (starts_at, id)`);

    await q.query(`
      CREATE TABLE shift_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        shift_id uuid NOT NULL REFERENCES shift(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES user_account(id),
        acting_proxy_id uuid REFERENCES user_account(id),
        status text NOT NULL CHECK (status IN ('CONFIRMED','WAITLISTED','PENDING_APPROVAL','CANCELLED','CHECKED_IN','ATTENDED','NO_SHOW','REJECTED')),
        check_in_at timestamptz(3),
        check_out_at timestamptz(3),
        checked_in_by_id uuid REFERENCES user_account(id),
        decided_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('CHECKED_IN','ATTENDED') OR check_in_at IS NOT NULL),
        CHECK (status <> 'ATTENDED' OR check_out_at IS NOT NULL),
        CHECK (check_out_at IS NULL OR (check_in_at IS NOT NULL AND check_out_at >= check_in_at)),
        CHECK (acting_proxy_id IS NULL OR acting_proxy_id <> volunteer_id)
      )`);
    // One standing claim per volunteer and shift: concurrent duplicates fail here.
    await q.query(`
      CREATE UNIQUE INDEX shift_claim_one_active_uq ON shift_claim (shift_id, volunteer_id)
        WHERE status IN ('CONFIRMED','WAITLISTED','PENDING_APPROVAL','CHECKED_IN','ATTENDED','NO_SHOW')`);
    await q.query(`CREATE INDEX shift_claim_waitlist_idx ON shift_claim (shift_id, seq) WHERE status = 'WAITLISTED'`);
    await q.query(`CREATE INDEX shift_claim_volunteer_idx ON shift_claim (volunteer_id, seq DESC)`);
    await q.query(`CREATE INDEX shift_claim_shift_idx ON shift_claim (shift_id, seq)`);

    // The one guard: every change of a claim's status moves the shift's counts, and the
    // shift's CHECK refuses a count above capacity whatever path got there.
    await q.query(`
      CREATE FUNCTION shift_claim_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        d_conf int := 0; d_wait int := 0; d_pend int := 0;
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') THEN
          d_conf := d_conf - (OLD.status IN ('CONFIRMED','CHECKED_IN','ATTENDED'))::int;
          d_wait := d_wait - (OLD.status = 'WAITLISTED')::int;
          d_pend := d_pend - (OLD.status = 'PENDING_APPROVAL')::int;
        END IF;
        IF TG_OP IN ('INSERT','UPDATE') THEN
          d_conf := d_conf + (NEW.status IN ('CONFIRMED','CHECKED_IN','ATTENDED'))::int;
          d_wait := d_wait + (NEW.status = 'WAITLISTED')::int;
          d_pend := d_pend + (NEW.status = 'PENDING_APPROVAL')::int;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.shift_id <> NEW.shift_id THEN
          RAISE EXCEPTION 'a claim cannot move to another shift' USING ERRCODE = 'check_violation';
        END IF;
        IF d_conf <> 0 OR d_wait <> 0 OR d_pend <> 0 THEN
          UPDATE shift SET confirmed_count = confirmed_count + d_conf,
                           waitlist_count = waitlist_count + d_wait,
                           pending_count = pending_count + d_pend
           WHERE id = COALESCE(NEW.shift_id, OLD.shift_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER shift_claim_counts AFTER INSERT OR DELETE OR UPDATE OF status ON shift_claim
        FOR EACH ROW EXECUTE FUNCTION shift_claim_counts()`);

    await q.query(`
      CREATE TABLE service_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL UNIQUE REFERENCES shift_claim(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES user_account(id),
        minutes integer NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','VERIFIED','REJECTED')),
        verified_at timestamptz(3),
        verified_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (verified_at IS NULL))
      )`);
    await q.query(`CREATE INDEX service_record_volunteer_idx ON service_record (volunteer_id, created_at DESC, id DESC)`);

    // A decided record is final: refuse any later change in the database too.
    await q.query(`
      CREATE FUNCTION service_record_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'PENDING' THEN
          RAISE EXCEPTION 'service record % is already %', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER service_record_final BEFORE UPDATE ON service_record FOR EACH ROW EXECUTE FUNCTION service_record_final()`);

    await q.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_id, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_action_idx ON audit_entry (action, id DESC)`);

    // Failed sign-in counters (rate-limiter-flexible's layout).
    await q.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['login_throttle', 'audit_entry', 'service_record', 'shift_claim', 'shift', 'task', 'membership', 'organization', 'official_post', 'proxy_grant', 'user_account', 'region']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS shift_claim_counts()`);
    await q.query(`DROP FUNCTION IF EXISTS service_record_final()`);
  }
}
