import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import { AuditService, authorize, can, cleanName, Clock, EventBus, loadAllBy, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { ServiceRecordsService } from '@civicgrid/volunteering';
import { HonourEntity, StarLevelReachedEntity } from './honour.entity';
import { requiredText } from './required-text';
import { starLevelOf } from './star-levels';

export const HONOUR_TITLE_MAX = 40;
export const HONOUR_REASON_MAX = 500;
/** The most honours shown on a profile (newest first). */
export const HONOURS_SHOWN = 100;

/** Event `honour.awarded`. */
export interface HonourAwardedPayload {
  honourId: string;
  userId: string;
  organizationId: string;
}

/** Honours awarded in organisations' names, and star levels from verified service hours. */
@Injectable()
export class HonoursService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly geo: GeoService,
    private readonly organizations: OrganizationsService,
    private readonly records: ServiceRecordsService,
  ) {}

  private honours(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(HonourEntity);
  }

  async award(ctx: RequestContext, data: { userId: string; organizationId: string; title: string; reason: string }): Promise<HonourEntity> {
    const actor = await ctx.requireActor();
    const title = cleanName(data.title, 'title', HONOUR_TITLE_MAX);
    const reason = requiredText(data.reason, 'reason', HONOUR_REASON_MAX);
    const user = await this.users.require(ctx, data.userId, 'userId');
    const org = await this.organizations.require(ctx, data.organizationId, 'organizationId');
    const regionPath = await this.geo.pathOf(ctx, user.homeRegionId);
    const organizationRegionPath = await this.geo.pathOf(ctx, org.regionId);
    const d = authorize(actor, 'honour.award', { organizationId: org.id, organizationVerified: org.verified, userId: user.id, regionPath, organizationRegionPath });
    return this.tx.run(ctx, async (t) => {
      const honour = await this.honours(t).save(
        this.honours(t).create({ userId: user.id, organizationId: org.id, title, reason, awardedById: actor.userId, awardedAt: this.clock.now() }),
      );
      await this.audit.record(t, { action: 'honour.award', subjectType: 'honour', subjectId: honour.id, detail: { userId: user.id, organizationId: org.id, title, basis: d.basis } });
      await this.events.publish<HonourAwardedPayload>(t, {
        type: 'honour.awarded',
        aggregateType: 'honour',
        aggregateId: honour.id,
        payload: { honourId: honour.id, userId: user.id, organizationId: org.id },
      });
      return honour;
    });
  }

  load(ctx: RequestContext, id: string): Promise<HonourEntity | null> {
    return this.honours(ctx).findOneBy({ id });
  }

  /** A person's honours, newest first (batched per request). */
  async honoursOf(ctx: RequestContext, userId: string): Promise<HonourEntity[]> {
    const rows = await loadAllBy(
      ctx,
      'honour.byUser',
      userId,
      (ids) => this.honours(ctx).find({ where: { userId: In(ids) }, order: { awardedAt: 'DESC', id: 'DESC' } }),
      (h) => h.userId,
    );
    return rows.slice(0, HONOURS_SHOWN);
  }

  /** 0–5 from all verified minutes, checked in and reported (public, like the profile's hours). */
  async starLevel(ctx: RequestContext, userId: string): Promise<number> {
    return starLevelOf(await this.records.verifiedMinutes(ctx, userId));
  }

  /** Verified minutes of both kinds, for those who may see the person's balances; null for anyone else. */
  async verifiedServiceMinutes(ctx: RequestContext, user: User): Promise<number | null> {
    const actor = await ctx.actor();
    if (!actor) return null;
    const regionPath = actor.userId === user.id ? null : await this.geo.pathOf(ctx, user.homeRegionId);
    if (!can(actor, 'incentives.viewBalances', { userId: user.id, regionPath })) return null;
    return this.records.verifiedMinutes(ctx, user.id);
  }

  /**
   * Records every star level the person's verified minutes have reached and returns the
   * highest one reached just now (null when none is new): each level is told once.
   */
  async recordStarLevels(ctx: RequestContext, userId: string): Promise<number | null> {
    return this.tx.run(ctx, async (t) => {
      const level = starLevelOf(await this.records.verifiedMinutes(t, userId));
      if (level === 0) return null;
      const levels = Array.from({ length: level }, (_, i) => i + 1);
      const inserted: { level: number }[] = await this.tx.manager(t).query(
        `INSERT INTO star_level_reached (user_id, level, reached_at) SELECT $1, l, $3 FROM unnest($2::smallint[]) AS l
         ON CONFLICT DO NOTHING RETURNING level`,
        [userId, levels, this.clock.now()],
      );
      return inserted.length ? Math.max(...inserted.map((r) => Number(r.level))) : null;
    });
  }

  /** Levels the person has reached, for tests and the profile's history. */
  reachedLevels(ctx: RequestContext, userId: string): Promise<StarLevelReachedEntity[]> {
    return this.tx.manager(ctx).getRepository(StarLevelReachedEntity).find({ where: { userId }, order: { level: 'ASC' } });
  }
}
