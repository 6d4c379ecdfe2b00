import { Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { findByIds, isUuid, loadAllBy, loadById, NotFoundError, PgListenerService, RequestContext, TransactionRunner, within } from '@civicgrid/platform';
import { RegionEntity } from './region.entity';

/** The NOTIFY channel a trigger on `region` signals every change on. */
export const REGIONS_CHANNEL = 'civicgrid_regions';

interface RegionTree {
  byId: Map<string, RegionEntity>;
  /** the ids of each region's subtree, itself first */
  subtree: Map<string, string[]>;
}

/**
 * The region tree. Other contexts ask it for regions and subtree paths, never its table.
 *
 * The tree is small (a district has hundreds of regions) and read on nearly every
 * request, so each replica keeps it in memory while its LISTEN connection is up, and
 * forgets it on every change (the trigger's NOTIFY) and after a reconnection. Reads
 * inside a transaction, and any id the copy lacks, go to the table.
 */
@Injectable()
export class GeoService {
  private tree?: Promise<RegionTree>;

  constructor(
    private readonly tx: TransactionRunner,
    @Optional() private readonly listener?: PgListenerService,
  ) {
    listener?.on(REGIONS_CHANNEL, () => this.forget());
    listener?.onReconnect(() => this.forget());
  }

  private repo(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(RegionEntity);
  }

  /** Drops the in-memory tree; the next read loads it again. */
  forget(): void {
    this.tree = undefined;
  }

  private cached(ctx: RequestContext): Promise<RegionTree> | undefined {
    if (ctx.transaction || !this.listener?.listening) return undefined;
    if (!this.tree) {
      const loading = this.repo(ctx)
        .find()
        .then((regions) => {
          const byId = new Map(regions.map((r) => [r.id, r]));
          const subtree = new Map<string, string[]>();
          // A path lists the region's ancestors and then itself; shorter paths come first.
          for (const r of [...regions].sort((a, b) => a.path.length - b.path.length)) {
            for (const id of r.path.split('/').slice(1)) {
              const ids = subtree.get(id) ?? [];
              ids.push(r.id);
              subtree.set(id, ids);
            }
          }
          return { byId, subtree };
        });
      this.tree = loading;
      loading.catch(() => {
        if (this.tree === loading) this.tree = undefined;
      });
    }
    return this.tree;
  }

  async load(ctx: RequestContext, id: string): Promise<RegionEntity | null> {
    const tree = this.cached(ctx);
    const hit = tree && (await tree.catch(() => undefined))?.byId.get(id);
    if (hit) return hit;
    const row = await loadById(ctx, 'region.byId', id, (ids) => findByIds(this.tx.manager(ctx), RegionEntity, ids));
    // Created since the copy was made and its NOTIFY is still on the way.
    if (row && tree) this.forget();
    return row;
  }

  /**
   * The ids of the region's subtree (itself included) from the in-memory tree; undefined
   * when the tree is not at hand (inside a transaction, or while the LISTEN connection is
   * down) or does not know the region yet. A region created a moment ago may be missing
   * until its NOTIFY arrives; callers that must not miss one filter by path instead.
   */
  async subtree(ctx: RequestContext, id: string): Promise<readonly string[] | undefined> {
    const tree = this.cached(ctx);
    return tree && (await tree.catch(() => undefined))?.subtree.get(id);
  }

  /** The region, or NOT_FOUND naming the input field that referred to it. */
  async require(ctx: RequestContext, id: string, field?: string): Promise<RegionEntity> {
    const region = await this.load(ctx, id);
    if (!region) throw new NotFoundError('Region', field);
    return region;
  }

  children(ctx: RequestContext, parentId: string): Promise<RegionEntity[]> {
    if (!isUuid(parentId)) return Promise.resolve([]);
    return loadAllBy(ctx, 'region.children', parentId, (ids) => this.repo(ctx).find({ where: { parentId: In(ids) }, order: { code: 'ASC' } }), (r) => r.parentId ?? '');
  }

  async roots(ctx: RequestContext): Promise<RegionEntity[]> {
    return this.repo(ctx).createQueryBuilder('r').where('r.parent_id IS NULL').orderBy('r.code').getMany();
  }

  /** Regions with coordinates inside a bounding box (an indexed range query), for candidate search. */
  async regionsInBox(ctx: RequestContext, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }): Promise<RegionEntity[]> {
    return this.repo(ctx)
      .createQueryBuilder('r')
      .where('r.latitude BETWEEN :minLat AND :maxLat AND r.longitude BETWEEN :minLng AND :maxLng', box)
      .getMany();
  }

  /** The first root region (the district), where people without a home region are placed. */
  async defaultCentre(ctx: RequestContext): Promise<RegionEntity | null> {
    return this.repo(ctx).createQueryBuilder('r').where('r.parent_id IS NULL AND r.latitude IS NOT NULL').orderBy('r.code').getOne();
  }

  /** True when `inner` lies in the subtree of `outer` (or is it): the policy's own test. */
  static contains(outerPath: string, innerPath: string): boolean {
    return within(outerPath, innerPath);
  }

  /** Materialised path of a region (batched through the request's loader). */
  async pathOf(ctx: RequestContext, id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    return (await this.load(ctx, id))?.path ?? null;
  }
}
