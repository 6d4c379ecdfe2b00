import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Honours, star levels and service-record certificates (志愿服务记录证明).
 *
 * - A star level reached is a row per (person, level): the volunteer hears of each level
 *   once, however often their minutes are verified afterwards.
 * - An honour names the person, the organisation in whose name it was awarded, who
 *   awarded it, a title (1–40 characters) and a reason.
 * - A certificate moves REQUESTED → PUBLICITY (approved: serial given, figures fixed) →
 *   ISSUED once its publicity ends, or REQUESTED → REJECTED, or PUBLICITY/ISSUED → REVOKED.
 *   The CHECKs hold each state to its facts; one open certificate per person,
 *   organisation and period; serials are unique and drawn from a sequence.
 * - An organisation's seal is a PNG or JPEG of at most 300 kB printed on its certificates.
 */
export class HonoursAndCertificates1765320000000 implements MigrationInterface {
  name = 'HonoursAndCertificates1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE star_level_reached (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        reached_at timestamptz(3) NOT NULL,
        PRIMARY KEY (user_id, level)
      )`);

    await q.query(`
      CREATE TABLE honour (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 40),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        awarded_by_id uuid NOT NULL REFERENCES user_account(id),
        awarded_at timestamptz(3) NOT NULL,
        CHECK (awarded_by_id <> user_id)
      )`);
    await q.query(`CREATE INDEX honour_user_idx ON honour (user_id, awarded_at DESC, id DESC)`);

    await q.query(`CREATE SEQUENCE service_certificate_serial_seq`);
    await q.query(`
      CREATE TABLE service_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        holder_id uuid NOT NULL REFERENCES user_account(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        period_from timestamptz(3) NOT NULL,
        period_to timestamptz(3) NOT NULL,
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED','PUBLICITY','ISSUED','REJECTED','REVOKED')),
        serial text UNIQUE CHECK (serial ~ '^CG-[0-9]{4}-[0-9]{6,}$'),
        checked_in_minutes integer NOT NULL CHECK (checked_in_minutes >= 0),
        reported_minutes integer NOT NULL CHECK (reported_minutes >= 0),
        requested_at timestamptz(3) NOT NULL,
        decided_at timestamptz(3),
        decided_by_id uuid REFERENCES user_account(id),
        publicity_ends_at timestamptz(3),
        issued_at timestamptz(3),
        revoked_at timestamptz(3),
        revoked_by_id uuid REFERENCES user_account(id),
        reason text CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        CHECK (period_from < period_to),
        CHECK (period_to <= requested_at),
        CHECK ((status = 'REQUESTED') = (decided_at IS NULL)),
        CHECK ((decided_by_id IS NULL) = (decided_at IS NULL)),
        CHECK (decided_by_id IS NULL OR decided_by_id <> holder_id),
        CHECK ((serial IS NOT NULL) = (status IN ('PUBLICITY','ISSUED','REVOKED'))),
        CHECK ((publicity_ends_at IS NOT NULL) = (serial IS NOT NULL)),
        CHECK (publicity_ends_at IS NULL OR publicity_ends_at > decided_at),
        CHECK ((status = 'ISSUED') <= (issued_at IS NOT NULL)),
        CHECK (issued_at IS NULL OR issued_at >= publicity_ends_at),
        CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL)),
        CHECK ((revoked_by_id IS NULL) = (revoked_at IS NULL)),
        CHECK ((status IN ('REJECTED','REVOKED')) <= (reason IS NOT NULL)),
        CHECK (status <> 'PUBLICITY' OR (checked_in_minutes + reported_minutes) > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX service_certificate_one_open ON service_certificate (holder_id, organization_id, period_from, period_to) WHERE status IN ('REQUESTED','PUBLICITY','ISSUED')`);
    await q.query(`CREATE INDEX service_certificate_holder_idx ON service_certificate (holder_id, requested_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_certificate_organization_idx ON service_certificate (organization_id, requested_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_certificate_publicity_idx ON service_certificate (publicity_ends_at) WHERE status = 'PUBLICITY'`);

    await q.query(`
      CREATE TABLE organization_seal (
        organization_id uuid PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
        mime_type text NOT NULL CHECK (mime_type IN ('image/png','image/jpeg')),
        image bytea NOT NULL CHECK (length(image) BETWEEN 1 AND 307200),
        updated_at timestamptz(3) NOT NULL,
        updated_by_id uuid NOT NULL REFERENCES user_account(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_seal`);
    await q.query(`DROP TABLE service_certificate`);
    await q.query(`DROP SEQUENCE service_certificate_serial_seq`);
    await q.query(`DROP TABLE honour`);
    await q.query(`DROP TABLE star_level_reached`);
  }
}
