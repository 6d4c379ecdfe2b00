import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService } from './geo.service';
import { RegionsAdminService } from './regions-admin.service';
import { CreateRegionInput, UpdateRegionInput } from './graphql/region.inputs';
import { RegionObject } from './graphql/region.object';
import { RegionEntity } from './region.entity';

@Resolver(() => RegionObject)
export class GeoResolver {
  constructor(
    private readonly geo: GeoService,
    private readonly admin: RegionsAdminService,
  ) {}

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

  @SignedIn()
  @Allow('region.manage')
  @Mutation(() => RegionObject, {
    description: 'Add a region under its parent (administrators): the level one below the parent\'s, a national code of that level starting with the parent\'s, unique (CONFLICT). Audited.',
  })
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput) {
    return this.admin.create(ctx, input);
  }

  @SignedIn()
  @Allow('region.manage')
  @Mutation(() => RegionObject, {
    description: 'Rename a region, change its coordinates, or move it with its subtree under another parent of the level above (never under itself). Audited.',
  })
  updateRegion(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRegionInput) {
    return this.admin.update(ctx, input);
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
