import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, maskName, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { UserObject, UsersService } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import {
  AllocateBudgetInput,
  BudgetObject,
  ConfigureBudgetInput,
  DecideIncentiveInput,
  IncentiveConnection,
  IncentiveObject,
  IncentiveStatusEnum,
  IssueIncentiveInput,
} from '../graphql/ledger.objects';
import { IncentiveEntity, IncentiveStatus } from './budget.entities';
import { BudgetFigures, BudgetsService } from './budgets.service';

@Resolver(() => BudgetObject)
export class BudgetResolver {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Allow('budget.view')
  @Query(() => BudgetObject, { description: "A street office's budget: its officials and administrators." })
  budget(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string) {
    return this.budgets.budget(ctx, organizationId);
  }

  @SignedIn()
  @Allow('budget.view')
  @Query(() => [BudgetObject], { description: "The budgets the viewer works with: an official's street offices (a district official's, every one below), an administrator's all." })
  myBudgets(@Ctx() ctx: RequestContext) {
    return this.budgets.mine(ctx);
  }

  @SignedIn()
  @Allow('budget.allocate')
  @Mutation(() => BudgetObject, { description: "Allocate points to a street office's budget (administrators, or an official above the street)." })
  allocateBudget(@Ctx() ctx: RequestContext, @Args('input') input: AllocateBudgetInput) {
    return this.budgets.allocate(ctx, input);
  }

  @SignedIn()
  @Allow('budget.allocate')
  @Mutation(() => BudgetObject, { description: "Change a street office's points per hour and approval threshold (administrators, or an official above the street)." })
  configureBudget(@Ctx() ctx: RequestContext, @Args('input') input: ConfigureBudgetInput) {
    return this.budgets.configure(ctx, input);
  }

  @ResolveField(() => OrganizationObject, { description: 'The street office.' })
  organization(b: BudgetFigures, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, b.organizationId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer is an official of this office (may issue and decide incentives).' })
  viewerCanIssue(b: BudgetFigures, _args: unknown, { ctx }: GraphQLContext) {
    return this.budgets.viewerCan(ctx, 'budget.issue', b);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may allocate to this budget and change its settings.' })
  viewerCanAllocate(b: BudgetFigures, _args: unknown, { ctx }: GraphQLContext) {
    return this.budgets.viewerCan(ctx, 'budget.allocate', b);
  }
}

@Resolver(() => IncentiveObject)
export class IncentiveResolver {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Allow.anyone('budget.view')
  @Query(() => IncentiveConnection, { description: "The public list of issued awards (publicity), newest first: of the street offices in or over the region; persons' names masked." })
  incentives(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.budgets.publicList(ctx, regionId, { first, after });
  }

  @SignedIn()
  @Allow('budget.view')
  @Query(() => IncentiveConnection, { description: "A street office's incentives in every status (its officials, administrators), newest first." })
  budgetIncentives(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('status', { type: () => IncentiveStatusEnum, nullable: true }) status?: IncentiveStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.budgets.ofBudget(ctx, organizationId, status, { first, after });
  }

  @SignedIn()
  @Allow('budget.issue')
  @Mutation(() => IncentiveObject, { description: "Issue an incentive from a street office's budget (its officials): paid at once up to the threshold, above it PENDING_APPROVAL." })
  issueIncentive(@Ctx() ctx: RequestContext, @Args('input') input: IssueIncentiveInput) {
    return this.budgets.issue(ctx, input);
  }

  @SignedIn()
  @Allow('budget.decide')
  @Mutation(() => IncentiveObject, { description: 'Approve or reject an incentive awaiting a second official: another official of the office, never the issuer.' })
  decideIncentive(@Ctx() ctx: RequestContext, @Args('input') input: DecideIncentiveInput) {
    return this.budgets.decide(ctx, input);
  }

  @ResolveField(() => BudgetObject, { description: 'The budget it came from.' })
  budget(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    // A page of awards comes from a few offices: each office's figures once per request.
    return ctx.loader<string, BudgetFigures>('budget.figures', (ids) => Promise.all(ids.map((id) => this.budgets.figures(ctx, id)))).load(i.budgetOrganizationId);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'The person, for the person and the office’s officials; null to others (see recipientName).' })
  async recipientUser(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    if (!i.recipientUserId || !(await this.budgets.viewerSeesRecipient(ctx, i))) return null;
    return this.users.load(ctx, i.recipientUserId);
  }

  @ResolveField(() => OrganizationObject, { nullable: true, description: 'The organisation, when one received it.' })
  recipientOrganization(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    return i.recipientOrganizationId ? this.organizations.load(ctx, i.recipientOrganizationId) : null;
  }

  @ResolveField(() => String, { description: "Who received it: an organisation's name, or a person's name, masked (王*明) for all but the person and the office's officials." })
  async recipientName(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    if (i.recipientOrganizationId) return (await this.organizations.load(ctx, i.recipientOrganizationId))?.name ?? '';
    const user = i.recipientUserId ? await this.users.load(ctx, i.recipientUserId) : null;
    if (!user) return '';
    return (await this.budgets.viewerSeesRecipient(ctx, i)) ? user.displayName : maskName(user.displayName);
  }

  @ResolveField(() => UserObject, { description: 'The official who issued it.' })
  issuedBy(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, i.issuedById);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'The second official, when the amount needed one and it was approved.' })
  approvedBy(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    return i.approvedById ? this.users.load(ctx, i.approvedById) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may approve or reject it now (an official of the office other than the issuer, while it waits).' })
  viewerCanDecide(i: IncentiveEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.budgets.viewerCanDecide(ctx, i);
  }
}
