import { Float, ResolveField, Resolver } from '@nestjs/graphql';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { AvailabilityWindowObject, UserObject } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import type { GraphQLContext } from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import { PersonalDetailsService } from './personal-details.service';

const HIDDEN = ' Hidden (shown as {hidden}) from anyone but the person, their proxies, coordinators of organisations they claimed with, officials over their home and administrators.';

/**
 * A person's personal details. Shown to whoever the policy's `user.viewDetails` allows;
 * to others the nullable ones are null and the others read as a neutral value, so a
 * stranger learns nothing from needs, reviews or member lists.
 */
@Resolver(() => UserObject)
export class UserDetailsResolver {
  constructor(
    private readonly details: PersonalDetailsService,
    private readonly geo: GeoService,
    private readonly claims: ClaimsService,
  ) {}

  @ResolveField(() => RegionObject, { nullable: true, description: 'Home region, normally a grid.' + HIDDEN.replace('{hidden}', 'null') })
  async homeRegion(user: User, _args: unknown, { ctx }: GraphQLContext) {
    if (!user.homeRegionId || !(await this.details.visible(ctx, user))) return null;
    return this.geo.load(ctx, user.homeRegionId);
  }

  @ResolveField(() => [String], { description: 'Languages and dialects the person speaks, e.g. zh, en, sichuanese.' + HIDDEN.replace('{hidden}', 'an empty list') })
  async languages(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? user.languages : [];
  }

  @ResolveField(() => Boolean, { description: 'Whether the person uses the portal in elder mode (large type, high contrast).' + HIDDEN.replace('{hidden}', 'false') })
  async elderMode(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? user.elderMode : false;
  }

  @ResolveField(() => String, { description: 'Preferred language: zh-CN, zh-TW or en.' + HIDDEN.replace('{hidden}', 'zh-CN') })
  async locale(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? user.locale : 'zh-CN';
  }

  @ResolveField(() => [AvailabilityWindowObject], { description: 'Weekly windows when the person is free (local time).' + HIDDEN.replace('{hidden}', 'an empty list') })
  async availability(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? (user.availability ?? []) : [];
  }

  @ResolveField(() => String, { nullable: true, description: 'Birth date (YYYY-MM-DD).' + HIDDEN.replace('{hidden}', 'null') })
  async birthDate(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? user.birthDate : null;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Attended ÷ confirmed past claims; null before the first.' + HIDDEN.replace('{hidden}', 'null') })
  async attendanceRate(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.details.visible(ctx, user)) ? this.claims.attendanceRate(ctx, user.id) : null;
  }
}
