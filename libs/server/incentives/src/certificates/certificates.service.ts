import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, SelectQueryBuilder } from 'typeorm';
import { UsersService } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  Clock,
  ConflictError,
  EventBus,
  InvalidInputError,
  JobsService,
  KeysetColumn,
  checkPage,
  Limit,
  maskName,
  minutesFrom,
  NotFoundError,
  PageArgs,
  paginate,
  RateLimiter,
  RequestContext,
  SETTINGS,
  Settings,
  TransactionRunner,
} from '@civicgrid/platform';
import { ServiceRecordsService } from '@civicgrid/volunteering';
import { requiredText } from '../honours/required-text';
import { CertificateStatus, OrganizationSealEntity, ServiceCertificateEntity } from './certificate.entity';
import { renderCertificatePdf } from './certificate-pdf';
import { parseSealDataUrl } from './seal-image';

const DAY = 86_400_000;
/** How long an approved certificate stays in publicity (公示) before it is issued. */
export const PUBLICITY_DAYS = 7;
/** How long a signed PDF link works. */
export const PDF_LINK_SECONDS = 3600;
export const CERTIFICATE_REASON_MAX = 500;
/** Moves certificates whose publicity has ended to ISSUED. */
export const ISSUE_CERTIFICATES_JOB = 'incentives.issueCertificates';

/** Public look-ups by serial: enough for anyone checking a paper, too few to walk the serials. */
export const VERIFY_LIMIT: Limit = {
  name: 'certificate.verify',
  points: 30,
  windowSeconds: 600,
  errorKey: 'certificate.verifyRateLimited',
  message: (s) => `Too many certificate checks; try again in ${minutesFrom(s)} minutes`,
};

/** Events `certificate.requested|decided|issued|revoked`. */
export interface CertificateEventPayload {
  certificateId: string;
  holderId: string;
  organizationId: string;
  /** certificate.decided */
  approved?: boolean;
}

export interface CertificateVerificationView {
  serial: string;
  valid: boolean;
  status: CertificateStatus;
  holderName: string;
  organizationName: string;
  minutes: number;
  issuedAt: Date | null;
}

/** Service-record certificates (志愿服务记录证明): request, decision, publicity, issue, revocation, PDF, public verification. */
/** Certificates newest request first. */
const NEWEST_REQUEST_FIRST: KeysetColumn[] = [
  { expr: 'c.requested_at', kind: 'timestamp' },
  { expr: 'c.id', kind: 'uuid' },
];

@Injectable()
export class CertificatesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly limiter: RateLimiter,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly records: ServiceRecordsService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private certificates(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(ServiceCertificateEntity);
  }
  private seals(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(OrganizationSealEntity);
  }

  load(ctx: RequestContext, id: string): Promise<ServiceCertificateEntity | null> {
    return this.certificates(ctx).findOneBy({ id });
  }

  private async lock(ctx: RequestContext, id: string, field: string): Promise<ServiceCertificateEntity> {
    const c = await this.certificates(ctx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw new NotFoundError('ServiceCertificate', field);
    return c;
  }

  private async publish(ctx: RequestContext, type: string, c: ServiceCertificateEntity, extra: Partial<CertificateEventPayload> = {}): Promise<void> {
    await this.events.publish<CertificateEventPayload>(ctx, {
      type,
      aggregateType: 'service_certificate',
      aggregateId: c.id,
      payload: { certificateId: c.id, holderId: c.holderId, organizationId: c.organizationId, ...extra },
    });
  }

  /**
   * The signed-in volunteer asks the organisation that recorded their service for a
   * certificate of a past period in which it verified minutes of theirs.
   */
  async request(ctx: RequestContext, data: { organizationId: string; periodFrom: Date; periodTo: Date }): Promise<ServiceCertificateEntity> {
    const actor = await ctx.requireActor();
    const now = this.clock.now();
    if (data.periodFrom.getTime() >= data.periodTo.getTime()) throw new InvalidInputError('periodTo', 'certificate.periodOrder', 'The period must end after it begins');
    if (data.periodTo.getTime() > now.getTime()) throw new InvalidInputError('periodTo', 'certificate.periodFuture', 'The period may not end in the future');
    const org = await this.organizations.require(ctx, data.organizationId, 'organizationId');
    return this.tx.run(ctx, async (t) => {
      // One open request per person, organisation and period, even under double clicks.
      await this.tx.manager(t).query(`SELECT pg_advisory_xact_lock(hashtext('service_certificate:' || $1 || ':' || $2))`, [actor.userId, org.id]);
      const minutes = await this.records.verifiedMinutesWithOrganization(t, actor.userId, org.id, data.periodFrom, data.periodTo);
      if (minutes.total === 0) throw new InvalidInputError('organizationId', 'certificate.noService', 'This organisation verified no service of yours in that period');
      const open = await this.certificates(t).findOneBy({ holderId: actor.userId, organizationId: org.id, periodFrom: data.periodFrom, periodTo: data.periodTo, status: In(['REQUESTED', 'PUBLICITY', 'ISSUED']) });
      if (open) throw new ConflictError('certificate.alreadyRequested', 'You already have a certificate for this organisation and period, requested or issued');
      const c = await this.certificates(t).save(
        this.certificates(t).create({
          holderId: actor.userId,
          organizationId: org.id,
          periodFrom: data.periodFrom,
          periodTo: data.periodTo,
          status: 'REQUESTED',
          checkedInMinutes: minutes.checkedIn,
          reportedMinutes: minutes.reported,
          requestedAt: now,
        }),
      );
      await this.publish(t, 'certificate.requested', c);
      return c;
    });
  }

  /**
   * The organisation's ADMIN+ (never the holder) approves — a serial, the minutes fixed as
   * verified now, and 7 days of publicity — or rejects with a reason.
   */
  async decide(ctx: RequestContext, data: { certificateId: string; approve: boolean; reason?: string | null }): Promise<ServiceCertificateEntity> {
    const actor = await ctx.requireActor();
    const reason = data.approve ? (data.reason?.trim() ? requiredText(data.reason, 'reason', CERTIFICATE_REASON_MAX) : null) : requiredText(data.reason, 'reason', CERTIFICATE_REASON_MAX);
    return this.tx.run(ctx, async (t) => {
      const c = await this.lock(t, data.certificateId, 'certificateId');
      authorize(actor, 'certificate.decide', { organizationId: c.organizationId, userId: c.holderId });
      if (c.status !== 'REQUESTED') throw new ConflictError('certificate.alreadyDecided', `This certificate is already ${c.status.toLowerCase()}`);
      const now = this.clock.now();
      c.decidedAt = now;
      c.decidedById = actor.userId;
      if (data.approve) {
        const minutes = await this.records.verifiedMinutesWithOrganization(t, c.holderId, c.organizationId, c.periodFrom, c.periodTo);
        if (minutes.total === 0) throw new ConflictError('certificate.noService', 'No verified service of this volunteer is left in the period; reject the request instead');
        const [{ n }]: { n: string }[] = await this.tx.manager(t).query(`SELECT nextval('service_certificate_serial_seq') AS n`);
        const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
        c.serial = `CG-${year}-${String(n).padStart(6, '0')}`;
        c.checkedInMinutes = minutes.checkedIn;
        c.reportedMinutes = minutes.reported;
        c.status = 'PUBLICITY';
        c.publicityEndsAt = new Date(now.getTime() + PUBLICITY_DAYS * DAY);
      } else {
        c.status = 'REJECTED';
        c.reason = reason;
      }
      const saved = await this.certificates(t).save(c);
      await this.audit.record(t, {
        action: data.approve ? 'certificate.approve' : 'certificate.reject',
        subjectType: 'service_certificate',
        subjectId: c.id,
        detail: { holderId: c.holderId, organizationId: c.organizationId, serial: c.serial, minutes: c.minutes, reason },
      });
      await this.publish(t, 'certificate.decided', saved, { approved: data.approve });
      if (saved.publicityEndsAt) await this.jobs.send(t, ISSUE_CERTIFICATES_JOB, {}, { startAfter: saved.publicityEndsAt });
      return saved;
    });
  }

  /** Issues every certificate whose publicity has ended (the job's work; safe to run again). */
  async issueDue(ctx: RequestContext): Promise<number> {
    return this.tx.run(ctx, async (t) => {
      const due = await this.certificates(t)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`c.status = 'PUBLICITY' AND c.publicity_ends_at <= :now`, { now: this.clock.now() })
        .orderBy('c.publicity_ends_at', 'ASC')
        .limit(500)
        .getMany();
      for (const c of due) {
        c.status = 'ISSUED';
        c.issuedAt = this.clock.now();
        await this.certificates(t).save(c);
        await this.publish(t, 'certificate.issued', c);
      }
      return due.length;
    });
  }

  /** The organisation's ADMIN+ withdraws a certificate in publicity or issued, with a reason (audited). */
  async revoke(ctx: RequestContext, id: string, reasonInput: string): Promise<ServiceCertificateEntity> {
    const actor = await ctx.requireActor();
    const reason = requiredText(reasonInput, 'reason', CERTIFICATE_REASON_MAX);
    return this.tx.run(ctx, async (t) => {
      const c = await this.lock(t, id, 'id');
      authorize(actor, 'certificate.manage', { organizationId: c.organizationId });
      if (c.status !== 'PUBLICITY' && c.status !== 'ISSUED') throw new ConflictError('certificate.notRevocable', `Only a certificate in publicity or issued can be revoked; this one is ${c.status.toLowerCase()}`);
      c.status = 'REVOKED';
      c.revokedAt = this.clock.now();
      c.revokedById = actor.userId;
      c.reason = reason;
      const saved = await this.certificates(t).save(c);
      await this.audit.record(t, { action: 'certificate.revoke', subjectType: 'service_certificate', subjectId: c.id, detail: { holderId: c.holderId, organizationId: c.organizationId, serial: c.serial, reason } });
      await this.publish(t, 'certificate.revoked', saved);
      return saved;
    });
  }

  private page(qb: SelectQueryBuilder<ServiceCertificateEntity>, page: PageArgs) {
    return paginate(qb, page, {
      columns: NEWEST_REQUEST_FIRST,
      direction: 'DESC',
      keyOf: (c) => [c.requestedAt.toISOString(), c.id],
    });
  }

  /** The signed-in person's certificates, newest request first. */
  async mine(ctx: RequestContext, page: PageArgs) {
    const actor = await ctx.requireActor();
    return this.page(this.certificates(ctx).createQueryBuilder('c').where('c.holder_id = :id', { id: actor.userId }), page);
  }

  /** An organisation's certificates (its ADMIN+), newest request first, optionally in one status. */
  async ofOrganization(ctx: RequestContext, organizationId: string, status: CertificateStatus | null | undefined, page: PageArgs) {
    const actor = await ctx.requireActor();
    checkPage(page, NEWEST_REQUEST_FIRST);
    await this.organizations.require(ctx, organizationId, 'organizationId');
    authorize(actor, 'certificate.manage', { organizationId });
    const qb = this.certificates(ctx).createQueryBuilder('c').where('c.organization_id = :organizationId', { organizationId });
    if (status) qb.andWhere('c.status = :status', { status });
    return this.page(qb, page);
  }

  private signature(id: string, expires: number): string {
    return createHmac('sha256', this.settings.jwtSecret).update(`certificate-pdf\n${id}\n${expires}`).digest('base64url');
  }

  /** A link to the PDF that works without a bearer header for an hour: for the holder, once issued. */
  async pdfUrl(ctx: RequestContext, c: ServiceCertificateEntity): Promise<string | null> {
    if (c.status !== 'ISSUED') return null;
    const actor = await ctx.actor();
    if (!actor || actor.userId !== c.holderId) return null;
    const expires = Math.floor(this.clock.nowMs() / 1000) + PDF_LINK_SECONDS;
    return `/api/certificates/${c.id}.pdf?expires=${expires}&signature=${this.signature(c.id, expires)}`;
  }

  /** Whether a PDF link is genuine and unexpired. */
  checkPdfLink(id: string, expires: string | undefined, signature: string | undefined): boolean {
    if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return false;
    if (Number(expires) * 1000 < this.clock.nowMs()) return false;
    const want = Buffer.from(this.signature(id, Number(expires)));
    const got = Buffer.from(signature);
    return want.length === got.length && timingSafeEqual(want, got);
  }

  /** The PDF of an issued certificate; null when there is none to show (not issued, revoked since). */
  async pdf(ctx: RequestContext, id: string): Promise<{ serial: string; pdf: Buffer } | null> {
    const c = await this.load(ctx, id);
    if (!c || c.status !== 'ISSUED' || !c.serial || !c.issuedAt) return null;
    const holder = await this.users.load(ctx, c.holderId);
    const org = await this.organizations.load(ctx, c.organizationId);
    const ownerIds = await this.organizations.memberIdsWithRole(ctx, c.organizationId, 'OWNER');
    const seal = await this.seals(ctx).findOneBy({ organizationId: c.organizationId });
    const owner = ownerIds[0] ? await this.users.load(ctx, ownerIds[0]) : null;
    const handler = c.decidedById ? await this.users.load(ctx, c.decidedById) : null;
    const pdf = await renderCertificatePdf({
      serial: c.serial,
      holderName: holder?.displayName ?? '',
      organizationName: org?.name ?? '',
      checkedInMinutes: c.checkedInMinutes,
      reportedMinutes: c.reportedMinutes,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      issuedAt: c.issuedAt,
      personInCharge: owner?.displayName ?? '',
      handler: handler?.displayName ?? '',
      seal: seal?.image ?? null,
      verifyUrl: `${this.settings.portalOrigin}/verify/${encodeURIComponent(c.serial)}`,
    });
    return { serial: c.serial, pdf };
  }

  /** Public, rate-limited per client: what a certificate says, the holder's name masked; null for an unknown serial. */
  async verify(ctx: RequestContext, serialInput: string): Promise<CertificateVerificationView | null> {
    await this.limiter.take(ctx, VERIFY_LIMIT, ctx.ip);
    const serial = serialInput.trim().toUpperCase();
    if (!/^CG-\d{4}-\d{6,}$/.test(serial)) return null;
    const c = await this.certificates(ctx).findOneBy({ serial });
    if (!c) return null;
    const holder = await this.users.load(ctx, c.holderId);
    const org = await this.organizations.load(ctx, c.organizationId);
    return {
      serial,
      valid: c.status === 'ISSUED',
      status: c.status,
      holderName: maskName(holder?.displayName ?? ''),
      organizationName: org?.name ?? '',
      minutes: c.minutes,
      issuedAt: c.issuedAt,
    };
  }

  /** Sets (or, with null, removes) the seal printed on the organisation's certificates: its ADMIN+, audited. */
  async setSeal(ctx: RequestContext, organizationId: string, dataUrl: string | null | undefined) {
    const actor = await ctx.requireActor();
    const org = await this.organizations.require(ctx, organizationId, 'organizationId');
    authorize(actor, 'certificate.manage', { organizationId: org.id });
    const parsed = dataUrl == null ? null : parseSealDataUrl(dataUrl);
    await this.tx.run(ctx, async (t) => {
      if (parsed) {
        await this.seals(t).upsert({ organizationId: org.id, mimeType: parsed.mimeType, image: parsed.image, updatedAt: this.clock.now(), updatedById: actor.userId }, ['organizationId']);
      } else {
        await this.seals(t).delete({ organizationId: org.id });
      }
      await this.audit.record(t, { action: parsed ? 'organization.setSeal' : 'organization.removeSeal', subjectType: 'organization', subjectId: org.id, detail: parsed ? { mimeType: parsed.mimeType, bytes: parsed.image.length } : {} });
    });
    return org;
  }

  /** Whether the organisation has a seal (batched per request). */
  hasSeal(ctx: RequestContext, organizationId: string): Promise<boolean> {
    return ctx
      .loader<string, boolean>('organizationSeal.exists', async (ids) => {
        const rows = await this.seals(ctx).find({ select: { organizationId: true }, where: { organizationId: In([...ids]) } });
        const has = new Set(rows.map((r) => r.organizationId));
        return ids.map((i) => has.has(i));
      })
      .load(organizationId);
  }

  /** Admins (ADMIN+) of an organisation: who hears of new requests. */
  adminsOf(ctx: RequestContext, organizationId: string): Promise<string[]> {
    return this.organizations.memberIdsWithRole(ctx, organizationId, 'ADMIN');
  }
}
