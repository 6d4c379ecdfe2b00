import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext } from '@civicgrid/platform';
import { GeoService } from './geo.service';
import { RegionObject } from './graphql/region.object';
import { RegionEntity } from './region.entity';

@Resolver(() => RegionObject)
export class GeoResolver {
  constructor(private readonly geo: GeoService) {}

  @Public()
  @Allow.anyone()
  @Query(() => [RegionObject], { description: 'Children of a region, or the roots when no parentId is given.' })
  regions(@Ctx() ctx: RequestContext, @Args('parentId', { type: () => ID, nullable: true }) parentId?: string) {
    return parentId ? this.geo.children(ctx, parentId) : this.geo.roots(ctx);
  }

  @Public()
  @Allow.anyone()
  @Query(() => RegionObject, { nullable: true, description: 'One region by id.' })
  region(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.geo.load(ctx, id);
  }

  @ResolveField(() => RegionObject, { nullable: true, description: 'The region above this one; null for a root.' })
  parent(region: RegionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return region.parentId ? this.geo.load(ctx, region.parentId) : null;
  }

  @ResolveField(() => [RegionObject], { description: 'The regions directly below this one.' })
  children(region: RegionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.children(ctx, region.id);
  }
}
