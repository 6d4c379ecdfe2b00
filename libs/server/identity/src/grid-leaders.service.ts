import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GeoService, Region } from '@civicgrid/geo';
import { AuditService, authorize, ConflictError, EventBus, InvalidInputError, loadAllBy, NotFoundError, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { UserEntity } from './user.entity';

/** A grid has at most this many leaders at once (which also bounds Region.gridLeaders). */
export const MAX_GRID_LEADERS = 5;

/** A grid leader as the residents of their grid reach them. */
export interface GridLeaderContact {
  userId: string;
  displayName: string;
  phone: string | null;
  grid: Region;
}

/** What the events about grid leaders carry. */
export interface GridLeaderEvent {
  regionId: string;
  userId: string;
}

/**
 * Grid leaders (网格员): people bound to a grid, who may act for its residents. Officials
 * whose scope holds the grid, and administrators, appoint and remove them. A person
 * leads one grid at most (`user_account.leads_grid_id`); the policy reads it fresh on
 * every request (`actor_facts`), so an appointment or a removal counts from the next one.
 */
@Injectable()
export class GridLeadersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  /** The grid, read in the transaction, once the actor may appoint there. */
  private async grid(t: RequestContext, regionId: string): Promise<Region> {
    const region = await this.geo.require(t, regionId, 'regionId');
    authorize(await t.requireActor(), 'gridLeader.appoint', { regionPath: region.path });
    if (region.level !== 'GRID') throw new InvalidInputError('regionId', 'gridLeader.notAGrid', `Grid leaders lead a GRID, and this region is a ${region.level}`);
    return region;
  }

  private async person(t: RequestContext, userId: string): Promise<UserEntity> {
    const user = await this.tx.manager(t).getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('User', 'userId');
    return user;
  }

  async appoint(ctx: RequestContext, regionId: string, userId: string): Promise<UserEntity> {
    return this.tx.run(ctx, async (t) => {
      const grid = await this.grid(t, regionId);
      const em = this.tx.manager(t);
      // Appointments to one grid one at a time, so the cap holds under races.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`grid-leaders:${grid.id}`]);
      const user = await this.person(t, userId);
      if (user.leadsGridId === grid.id) throw new ConflictError('gridLeader.already', 'This person leads this grid already', 'userId');
      if (user.leadsGridId) throw new ConflictError('gridLeader.leadsAnother', 'This person leads another grid: remove them there first', 'userId');
      const leaders = await em.getRepository(UserEntity).countBy({ leadsGridId: grid.id });
      if (leaders >= MAX_GRID_LEADERS) throw new ConflictError('gridLeader.tooMany', `A grid has at most ${MAX_GRID_LEADERS} grid leaders`, 'regionId');
      await em.getRepository(UserEntity).update({ id: user.id }, { leadsGridId: grid.id });
      user.leadsGridId = grid.id;
      await this.audit.record(t, { action: 'gridLeader.appoint', subjectType: 'user', subjectId: user.id, detail: { regionId: grid.id } });
      await this.events.publish<GridLeaderEvent>(t, { type: 'gridLeader.appointed', aggregateType: 'region', aggregateId: grid.id, payload: { regionId: grid.id, userId: user.id } });
      return user;
    });
  }

  async remove(ctx: RequestContext, regionId: string, userId: string): Promise<UserEntity> {
    return this.tx.run(ctx, async (t) => {
      const grid = await this.grid(t, regionId);
      const user = await this.person(t, userId);
      if (user.leadsGridId !== grid.id) throw new NotFoundError('GridLeader', 'userId');
      await this.tx.manager(t).getRepository(UserEntity).update({ id: user.id }, { leadsGridId: null });
      user.leadsGridId = null;
      await this.audit.record(t, { action: 'gridLeader.remove', subjectType: 'user', subjectId: user.id, detail: { regionId: grid.id } });
      await this.events.publish<GridLeaderEvent>(t, { type: 'gridLeader.removed', aggregateType: 'region', aggregateId: grid.id, payload: { regionId: grid.id, userId: user.id } });
      return user;
    });
  }

  /** The leaders of a region (none unless it is a grid), by name; one query per request for all regions asked. */
  leadersOf(ctx: RequestContext, regionId: string): Promise<UserEntity[]> {
    return loadAllBy(
      ctx,
      'user.leadersOfGrid',
      regionId,
      (ids) => this.tx.manager(ctx).getRepository(UserEntity).find({ where: { leadsGridId: In(ids) }, order: { displayName: 'ASC', id: 'ASC' } }),
      (u) => u.leadsGridId ?? '',
    );
  }

  /**
   * The leaders of the signed-in person's home grid, with their phones whole: a grid
   * leader's phone is their work contact for the residents of their grid (an elder calls
   * them from the portal). Nobody else gets it this way, and each phone given out is
   * audited like any other read of a phone by someone other than its owner. No home, or a
   * home that is not a grid: none.
   */
  async contactsForMyGrid(ctx: RequestContext): Promise<GridLeaderContact[]> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const me = await em.getRepository(UserEntity).findOne({ where: { id: actor.userId }, select: { id: true, homeRegionId: true } });
      if (!me?.homeRegionId) return [];
      const grid = await this.geo.load(t, me.homeRegionId);
      if (!grid || grid.level !== 'GRID') return [];
      const leaders = await em.getRepository(UserEntity).find({ where: { leadsGridId: grid.id }, order: { displayName: 'ASC', id: 'ASC' } });
      const out: GridLeaderContact[] = [];
      for (const leader of leaders) {
        const d = authorize(actor, 'gridLeader.viewContact', { userId: leader.id, regionPath: grid.path });
        if (leader.phone && leader.id !== actor.userId) {
          await this.audit.record(t, { action: 'pii.read', subjectType: 'user', subjectId: leader.id, detail: { field: 'phone', basis: d.basis } });
        }
        out.push({ userId: leader.id, displayName: leader.displayName, phone: leader.phone ?? null, grid });
      }
      return out;
    });
  }
}
