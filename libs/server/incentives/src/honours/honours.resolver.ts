import { Args, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { UserObject, UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { AwardHonourInput, HonourObject } from './graphql/honour.objects';
import { HonourEntity } from './honour.entity';
import { HonoursService } from './honours.service';

@Resolver(() => HonourObject)
export class HonoursResolver {
  constructor(
    private readonly honours: HonoursService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Allow('honour.award')
  @Mutation(() => HonourObject, {
    description: "Award a person an honour in an organisation's name (ADMIN+ of a verified organisation, or an official over the person's home or the organisation; never oneself): audited, the person is told.",
  })
  awardHonour(@Ctx() ctx: RequestContext, @Args('input') input: AwardHonourInput) {
    return this.honours.award(ctx, input);
  }

  @ResolveField(() => UserObject, { description: 'The person honoured.' })
  async user(honour: HonourEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, honour.userId);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation in whose name it was awarded.' })
  async awardedBy(honour: HonourEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, honour.organizationId);
  }
}

/** Star level, verified minutes and honours on a person. */
@Resolver(() => UserObject)
export class UserHonoursResolver {
  constructor(private readonly service: HonoursService) {}

  @ResolveField(() => Int, { description: 'Star level 0–5 by verified service hours, both kinds counted: 100, 300, 600, 1000, 1500 h (星级志愿者).' })
  starLevel(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.service.starLevel(ctx, user.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Verified service minutes, checked in and reported (what starLevel counts). Null unless the viewer is the person, their proxy, an official over their home or an administrator.',
  })
  verifiedServiceMinutes(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.service.verifiedServiceMinutes(ctx, user);
  }

  @ResolveField(() => [HonourObject], { description: `The person's honours, newest first (public; at most 100).` })
  honours(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.service.honoursOf(ctx, user.id);
  }
}
