import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { isUuid, loadAllBy, loadById, NotFoundError, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { RegionEntity } from './region.entity';

/** The region tree. Other contexts ask it for regions and subtree paths, never its table. */
@Injectable()
export class GeoService {
  constructor(private readonly tx: TransactionRunner) {}

  private repo(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(RegionEntity);
  }

  load(ctx: RequestContext, id: string): Promise<RegionEntity | null> {
    return loadById(ctx, 'region.byId', id, (ids) => this.repo(ctx).findBy({ id: In(ids) }));
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

  /** True when `inner` lies in the subtree of `outer` (or is it). */
  static contains(outerPath: string, innerPath: string): boolean {
    return innerPath === outerPath || innerPath.startsWith(outerPath + '/');
  }

  /** Materialised path of a region (batched through the request's loader). */
  async pathOf(ctx: RequestContext, id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    return (await this.load(ctx, id))?.path ?? null;
  }
}
