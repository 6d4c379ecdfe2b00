import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { UserObject, UsersService } from '@civicgrid/identity';
import { ClaimsService, ShiftClaimObject, ShiftObject, TasksService } from '@civicgrid/volunteering';
import type { Shift } from '@civicgrid/volunteering';
import {
  AssignmentProposalObject,
  AutoAssignInput,
  InvitationConnection,
  InvitationObject,
  InvitationStatusEnum,
  InviteVolunteerInput,
  MatchReasonObject,
  ProposedPairObject,
  RespondToInvitationInput,
  ShiftFillObject,
  ShiftRecommendationObject,
  VolunteerRecommendationObject,
} from './graphql/matching.objects';
import { proposalFigures, ShiftFillFigures } from './proposal-figures';
import { InvitationEntity, InvitationStatus, StoredPair } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { MatchingService, ScoredShift, ScoredVolunteer } from './matching.service';

@Resolver(() => ShiftRecommendationObject)
export class ShiftRecommendationResolver {
  constructor(private readonly matching: MatchingService) {}

  @SignedIn()
  @Allow.self()
  @Query(() => [ShiftRecommendationObject], { description: 'Shifts recommended to the signed-in volunteer, ranked and explained.' })
  recommendedShifts(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number) {
    return this.matching.recommendedShifts(ctx, first);
  }

  @ResolveField(() => ShiftObject, { description: 'The shift.' })
  shift(r: ScoredShift) {
    return r.shift;
  }
}

@Resolver(() => VolunteerRecommendationObject)
export class VolunteerRecommendationResolver {
  constructor(private readonly matching: MatchingService) {}

  @SignedIn()
  @Allow('task.manage')
  @Query(() => [VolunteerRecommendationObject], {
    description:
      "Volunteers recommended for a shift, ranked and explained (the shift's organisation's COORDINATOR or above). The same people and scores autoAssign chooses from: never the organisation's own staff (COORDINATOR and above), people who declared no availability or whose windows cover less than half the shift, people already claiming or invited, under the task's minimum age, or without its mandatory skills.",
  })
  recommendedVolunteers(@Ctx() ctx: RequestContext, @Args('shiftId', { type: () => ID }) shiftId: string, @Args('first', { type: () => Int, nullable: true }) first?: number) {
    return this.matching.recommendedVolunteers(ctx, shiftId, first);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer.' })
  volunteer(r: ScoredVolunteer) {
    return r.volunteer;
  }
}

@Resolver(() => ProposedPairObject)
export class ProposedPairResolver {
  constructor(
    private readonly tasks: TasksService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => ShiftObject, { description: 'The shift.' })
  shift(p: StoredPair, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadShift(ctx, p.shiftId);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer chosen.' })
  volunteer(p: StoredPair, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, p.volunteerId);
  }
}

@Resolver(() => AssignmentProposalObject)
export class AutoAssignResolver {
  constructor(private readonly matching: MatchingService) {}

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => AssignmentProposalObject, {
    description:
      "Choose volunteers for the shifts' open places maximising the total score (exactly), and invite them unless dryRun. Idempotent by idempotencyKey. Candidates and scores are those of recommendedVolunteers, so for one shift it proposes the top suggestions.",
  })
  async autoAssign(@Ctx() ctx: RequestContext, @Args('input') input: AutoAssignInput) {
    const { batch, invitations } = await this.matching.autoAssign(ctx, input);
    return { ...batch.proposal, ...proposalFigures(batch.proposal), invitations };
  }
}

@Resolver(() => ShiftFillObject)
export class ShiftFillResolver {
  constructor(private readonly tasks: TasksService) {}

  @ResolveField(() => ShiftObject, { description: 'The shift.' })
  shift(f: ShiftFillFigures, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadShift(ctx, f.shiftId);
  }
}

@Resolver(() => ShiftObject)
export class ShiftInvitationsResolver {
  constructor(private readonly invitationsService: InvitationsService) {}

  @ResolveField(() => [InvitationObject], {
    description: "Invitations sent to this shift, newest first, with how each was answered (the organisation's COORDINATOR or above; FORBIDDEN for others). At most `first` (default 50, at most 100).",
  })
  invitations(@Parent() shift: Shift, @Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number) {
    return this.invitationsService.ofShift(ctx, shift, first);
  }
}

@Resolver(() => InvitationObject)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly matching: MatchingService,
    private readonly tasks: TasksService,
    private readonly users: UsersService,
    private readonly claims: ClaimsService,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => InvitationConnection, { description: "The signed-in volunteer's invitations, newest first." })
  myInvitations(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => InvitationStatusEnum, nullable: true }) status?: InvitationStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.invitations.mine(ctx, status, { first, after });
  }

  @SignedIn()
  @Allow.self()
  @Query(() => Int, { description: "How many invitations wait for the signed-in volunteer's answer." })
  pendingInvitationCount(@Ctx() ctx: RequestContext) {
    return this.invitations.pendingCount(ctx);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => InvitationObject, { description: "Invite one volunteer to a shift, explained by their match score (the shift's organisation's COORDINATOR or above)." })
  inviteVolunteer(@Ctx() ctx: RequestContext, @Args('input') input: InviteVolunteerInput) {
    return this.matching.invite(ctx, input.shiftId, input.volunteerId, input.expiresInMinutes);
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => InvitationObject, { description: 'Accept (claims the place; CONFLICT if the shift filled meanwhile) or decline an invitation.' })
  respondToInvitation(@Ctx() ctx: RequestContext, @Args('input') input: RespondToInvitationInput) {
    return this.invitations.respond(ctx, input.invitationId, input.accept);
  }

  @ResolveField(() => InvitationStatusEnum, { description: 'Status.' })
  status(i: InvitationEntity) {
    return this.invitations.statusOf(i);
  }

  @ResolveField(() => [MatchReasonObject], { description: 'Why this volunteer was invited.' })
  reasons(i: InvitationEntity) {
    return i.reasons;
  }

  @ResolveField(() => ShiftObject, { description: 'The shift.' })
  shift(i: InvitationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadShift(ctx, i.shiftId);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer invited.' })
  volunteer(i: InvitationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, i.volunteerId);
  }

  @ResolveField(() => ShiftClaimObject, { nullable: true, description: 'The claim, once accepted.' })
  claim(i: InvitationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return i.claimId ? this.claims.load(ctx, i.claimId) : null;
  }
}
