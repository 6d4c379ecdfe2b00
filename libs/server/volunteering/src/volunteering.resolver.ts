import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { UserObject, UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import type { Organization } from '@civicgrid/organizations';
import { ClaimsService } from './claims.service';
import {
  AddShiftInput,
  AddVolunteerToShiftInput,
  CancelClaimInput,
  CancelShiftInput,
  CancelTaskInput,
  CheckInInput,
  CheckOutInput,
  ClaimFilter,
  ClaimShiftInput,
  ClaimShiftTogetherInput,
  CopyTaskInput,
  CreateTaskInput,
  DecideClaimInput,
  ShareClaimPhoneInput,
  ShiftFilter,
  UpdateShiftInput,
  UpdateTaskInput,
  VerifyServiceInput,
} from './graphql/volunteering.inputs';
import {
  ClaimConnection,
  ServiceRecordConnection,
  ServiceRecordObject,
  ShiftClaimObject,
  ShiftConnection,
  ShiftObject,
  TaskConnection,
  TaskObject,
  VolunteerProfileCardObject,
} from './graphql/volunteering.objects';
import { ClaimantProfileService } from './claimant-profile.service';
import { shanghaiDay } from './reported-hours.service';
import { ServiceRecordEntity } from './service-record.entity';
import { ServiceRecordsService } from './service-records.service';
import { ShiftSeriesService } from './shift-series.service';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';

@Resolver(() => TaskObject)
export class TaskResolver {
  constructor(
    private readonly tasks: TasksService,
    private readonly organizations: OrganizationsService,
    private readonly geo: GeoService,
    private readonly series: ShiftSeriesService,
  ) {}

  @Public()
  @Allow.anyone('organization.viewInternal')
  @Query(() => TaskObject, { nullable: true, description: 'One task by id; a draft only for its organisation.' })
  task(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.tasks.visibleTask(ctx, id);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Create a task with its shifts (and recurring shifts), as DRAFT (COORDINATOR or above).' })
  createTask(@Ctx() ctx: RequestContext, @Args('input') input: CreateTaskInput) {
    return this.series.createTask(ctx, input);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Publish a draft task so volunteers can claim its shifts.' })
  publishTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.tasks.publish(ctx, id);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Stop taking claims on a published task; existing claims stand.' })
  closeTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.tasks.close(ctx, id);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Declare a task done (COORDINATOR or above); a need it answers becomes FULFILLED. Tasks also complete by themselves once the last shift has ended and every claim is settled.' })
  completeTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.tasks.complete(ctx, id);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftObject, { description: 'Add a shift to a draft or published task (COORDINATOR or above).' })
  addShift(@Ctx() ctx: RequestContext, @Args('input') input: AddShiftInput) {
    return this.tasks.addShift(ctx, input.taskId, input);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: "Change a task's details (title, description, category, region, skills, prerequisites), before or after publishing." })
  updateTask(@Ctx() ctx: RequestContext, @Args('input') input: UpdateTaskInput) {
    const { id, ...changes } = input;
    return this.tasks.update(ctx, id, changes);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftObject, { description: "Change a shift's time, capacity or place. Moving it tells every claimant; raising the capacity moves the waitlist up; it cannot go below the places taken." })
  updateShift(@Ctx() ctx: RequestContext, @Args('input') input: UpdateShiftInput) {
    const { id, ...changes } = input;
    return this.tasks.updateShift(ctx, id, changes);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftObject, { description: 'Cancel a shift that has not started: its claims become CANCELLED and the claimants are told the reason.' })
  cancelShift(@Ctx() ctx: RequestContext, @Args('input') input: CancelShiftInput) {
    return this.tasks.cancelShift(ctx, input.id, input.reason);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Cancel a task: its shifts not yet started are cancelled, their claimants told the reason; refused while a shift is under way.' })
  cancelTask(@Ctx() ctx: RequestContext, @Args('input') input: CancelTaskInput) {
    return this.tasks.cancel(ctx, input.id, input.reason);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => TaskObject, { description: 'Copy a task as a new DRAFT, its shifts moved by a number of days, to repeat a programme.' })
  copyTask(@Ctx() ctx: RequestContext, @Args('input') input: CopyTaskInput) {
    return this.tasks.copy(ctx, input.id, input.offsetDays, input.title);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation that publishes the task.' })
  organization(task: TaskEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, task.organizationId);
  }

  @ResolveField(() => RegionObject, { description: 'Where the work happens.' })
  region(task: TaskEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.load(ctx, task.regionId);
  }

  @ResolveField(() => [ShiftObject], { description: 'The shifts, soonest first.' })
  shifts(task: TaskEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.shiftsOfTask(ctx, task.id);
  }
}

@Resolver(() => ShiftObject)
export class ShiftResolver {
  constructor(
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
  ) {}

  @Public()
  @Allow.anyone()
  @Query(() => ShiftConnection, { description: 'The shift board: shifts of published tasks that have not ended, soonest first.' })
  openShifts(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: ShiftFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.tasks.openShifts(ctx, filter ?? {}, { first, after });
  }

  @Public()
  @Allow.anyone('organization.viewInternal')
  @Query(() => ShiftObject, { nullable: true, description: 'One shift by id (of a task the viewer may see).' })
  async shift(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    const shift = await this.tasks.loadShift(ctx, id);
    return shift && (await this.tasks.visibleTask(ctx, shift.taskId)) ? shift : null;
  }

  @ResolveField(() => TaskObject, { description: 'The task.' })
  task(shift: ShiftEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadTask(ctx, shift.taskId);
  }

  @ResolveField(() => String, { nullable: true, description: "Check-in code: shown (and printable as a QR code) to the organisation's coordinators only; null for others." })
  checkInCode(shift: ShiftEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.checkInCodeFor(ctx, shift);
  }

  @ResolveField(() => ShiftClaimObject, {
    nullable: true,
    description:
      "The signed-in viewer's own standing claim on this shift, if any; with `onBehalfOf`, that of the person the viewer acts for (the person themself or their proxy; FORBIDDEN otherwise).",
  })
  viewerClaim(
    @Ctx() ctx: RequestContext,
    @Parent() shift: ShiftEntity,
    @Args('onBehalfOf', { type: () => ID, nullable: true, description: "The resident acted for, whose claim to show instead of the viewer's own." }) onBehalfOf?: string | null,
  ) {
    return this.claims.viewerClaim(ctx, shift.id, onBehalfOf);
  }

  @ResolveField('claims', () => ClaimConnection, { description: "Claims on this shift in arrival order (the organisation's coordinators only)." })
  shiftClaims(
    @Ctx() ctx: RequestContext,
    @Parent() shift: ShiftEntity,
    @Args('filter', { nullable: true }) filter?: ClaimFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.claims.claimsOnShift(ctx, shift, filter ?? {}, { first, after });
  }
}

@Resolver(() => ShiftClaimObject)
export class ClaimResolver {
  constructor(
    private readonly claims: ClaimsService,
    private readonly tasks: TasksService,
    private readonly users: UsersService,
    private readonly records: ServiceRecordsService,
    private readonly profiles: ClaimantProfileService,
  ) {}

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Query(() => ClaimConnection, { description: "The signed-in volunteer's claims (or, with volunteerId, those of a resident they act for), newest first." })
  async myClaims(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { nullable: true }) filter?: ClaimFilter,
    @Args('volunteerId', { type: () => ID, nullable: true }) volunteerId?: string,
  ) {
    const me = (await ctx.requireActor()).userId;
    return this.claims.claimsOf(ctx, volunteerId ?? me, filter ?? {}, { first, after });
  }

  @SignedIn()
  @Allow('claim.view')
  @Query(() => ShiftClaimObject, { nullable: true, description: 'One claim, for the volunteer, their proxy or the organisation.' })
  async claim(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    const claim = await this.claims.load(ctx, id);
    return claim && (await this.claims.visible(ctx, claim)) ? claim : null;
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => ShiftClaimObject, { description: 'Claim a place: CONFIRMED while space is left, else WAITLISTED; PENDING_APPROVAL when the task needs approval.' })
  claimShift(@Ctx() ctx: RequestContext, @Args('input') input: ClaimShiftInput) {
    return this.claims.claim(ctx, input.shiftId, input.onBehalfOfUserId, { sharePhone: input.sharePhone ?? false });
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => ShiftClaimObject, { description: "Share the volunteer's phone with the organisers of this claim's shift, or stop sharing it (the volunteer or their proxy). Audited." })
  shareClaimPhone(@Ctx() ctx: RequestContext, @Args('input') input: ShareClaimPhoneInput) {
    return this.claims.sharePhone(ctx, input.claimId, input.share);
  }

  @SignedIn()
  @Allow('claim.viewClaimant')
  @Query(() => VolunteerProfileCardObject, { description: "The profile card of a claim's volunteer: for the coordinators of the organisation whose shift it is, the volunteer and their proxies (FORBIDDEN for others)." })
  claimantProfile(@Ctx() ctx: RequestContext, @Args('claimId', { type: () => ID }) claimId: string) {
    return this.profiles.forClaimId(ctx, claimId);
  }

  @ResolveField(() => VolunteerProfileCardObject, { nullable: true, description: "The volunteer's profile card (name, skills, hours, attendance; the phone in full only while shared for this claim): for the organisation's coordinators, the volunteer and their proxies; null for others." })
  volunteerProfile(claim: ShiftClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.profiles.card(ctx, claim);
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => [ShiftClaimObject], {
    description: 'Claim places for a party: yourself (or someone you act for) and companions you act for (people who made you their proxy, minors under your account). All CONFIRMED together while the whole party fits, else all WAITLISTED together (or all PENDING_APPROVAL); never split.',
  })
  claimShiftTogether(@Ctx() ctx: RequestContext, @Args('input') input: ClaimShiftTogetherInput) {
    return this.claims.claimTogether(ctx, input.shiftId, input.volunteerIds);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftClaimObject, { description: "Put a volunteer on a shift (the organisation's COORDINATOR or above): CONFIRMED, or CONFLICT when full; the task's prerequisites apply; audited and the volunteer is told." })
  addVolunteerToShift(@Ctx() ctx: RequestContext, @Args('input') input: AddVolunteerToShiftInput) {
    return this.claims.addByCoordinator(ctx, input.shiftId, input.volunteerId);
  }

  @SignedIn()
  @Allow('claim.cancel')
  @Mutation(() => ShiftClaimObject, { description: 'Cancel a claim; a freed place goes to the first waitlisted claim.' })
  cancelClaim(@Ctx() ctx: RequestContext, @Args('input') input: CancelClaimInput) {
    return this.claims.cancel(ctx, input.claimId);
  }

  @SignedIn()
  @Allow('claim.decide')
  @Mutation(() => ShiftClaimObject, { description: 'Approve or reject a claim awaiting approval (COORDINATOR or above).' })
  decideClaim(@Ctx() ctx: RequestContext, @Args('input') input: DecideClaimInput) {
    return this.claims.decide(ctx, input.claimId, input.approve);
  }

  @SignedIn()
  @Allow('claim.decide')
  @Mutation(() => ShiftClaimObject, { description: 'Record that a confirmed volunteer did not come, once the shift has started (COORDINATOR or above).' })
  markNoShow(@Ctx() ctx: RequestContext, @Args('input') input: CancelClaimInput) {
    return this.claims.markNoShow(ctx, input.claimId);
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer', 'claim.checkInWithoutCode')
  @Mutation(() => ShiftClaimObject, { description: 'Check in, from 30 minutes before the start until the end.' })
  checkIn(@Ctx() ctx: RequestContext, @Args('input') input: CheckInInput) {
    return this.claims.checkIn(ctx, input.claimId, input.code);
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer', 'claim.checkInWithoutCode')
  @Mutation(() => ShiftClaimObject, { description: 'Check out; records the minutes for verification.' })
  checkOut(@Ctx() ctx: RequestContext, @Args('input') input: CheckOutInput) {
    return this.claims.checkOut(ctx, input.claimId);
  }

  @ResolveField(() => ShiftObject, { description: 'The shift.' })
  shift(claim: ShiftClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadShift(ctx, claim.shiftId);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer.' })
  volunteer(claim: ShiftClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, claim.volunteerId);
  }

  @ResolveField(() => UserObject, { nullable: true, description: "Who claimed on the volunteer's behalf, if anyone." })
  actingProxy(claim: ShiftClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return claim.actingProxyId ? this.users.load(ctx, claim.actingProxyId) : null;
  }

  @ResolveField(() => ServiceRecordObject, { nullable: true, description: 'The service record, once checked out.' })
  serviceRecord(claim: ShiftClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.records.byClaim(ctx, claim.id);
  }
}

@Resolver(() => ServiceRecordObject)
export class ServiceRecordResolver {
  constructor(
    private readonly records: ServiceRecordsService,
    private readonly claims: ClaimsService,
    private readonly tasks: TasksService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => ServiceRecordConnection, { description: "The signed-in volunteer's service records from attended claims, newest first (reported hours: myReportedService)." })
  myServiceRecords(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.records.mine(ctx, { first, after });
  }

  @SignedIn()
  @Allow('service.verify')
  @Mutation(() => ServiceRecordObject, { description: "Verify or reject a volunteer's minutes (the organisation's COORDINATOR or above); a decided record cannot be changed." })
  verifyService(@Ctx() ctx: RequestContext, @Args('input') input: VerifyServiceInput) {
    return this.records.verify(ctx, input.claimId, input.approve, input.minutes);
  }

  /** The claim's shift: every ServiceRecord has a claim (the database holds CHECKED_IN records to one). */
  private async shiftOf(ctx: RequestContext, record: ServiceRecordEntity) {
    const claim = await this.claims.load(ctx, record.claimId!);
    return claim ? this.tasks.loadShift(ctx, claim.shiftId) : null;
  }

  private async taskOf(ctx: RequestContext, record: ServiceRecordEntity) {
    const shift = await this.shiftOf(ctx, record);
    return shift ? this.tasks.loadTask(ctx, shift.taskId) : null;
  }

  @ResolveField(() => ShiftClaimObject, { description: 'The claim the minutes come from.' })
  claim(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.claims.load(ctx, record.claimId!);
  }

  @ResolveField(() => TaskObject, { description: "The task served: the claim's." })
  task(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.taskOf(ctx, record);
  }

  @ResolveField(() => OrganizationObject, { description: "The organisation served: that of the claim's task." })
  async organization(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    const task = await this.taskOf(ctx, record);
    return task ? this.organizations.load(ctx, task.organizationId) : null;
  }

  @ResolveField(() => String, { description: 'The day served, YYYY-MM-DD (Asia/Shanghai): the day the shift started.' })
  async servedOn(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    const shift = await this.shiftOf(ctx, record);
    return shift ? shanghaiDay(shift.startsAt) : null;
  }

  @ResolveField(() => UserObject, { description: 'The volunteer who served.' })
  volunteer(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, record.volunteerId);
  }
}

@Resolver(() => OrganizationObject)
export class OrganizationTasksResolver {
  constructor(private readonly tasks: TasksService) {}

  @ResolveField('tasks', () => TaskConnection, { description: "The organisation's tasks, newest first; drafts only for its members." })
  organizationTasks(
    @Ctx() ctx: RequestContext,
    @Parent() org: Organization,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.tasks.tasksOf(ctx, org.id, { first, after });
  }
}

@Resolver(() => UserObject)
export class UserServiceMinutesResolver {
  constructor(private readonly records: ServiceRecordsService) {}

  @ResolveField(() => Int, { description: 'Verified minutes of service, all time.' })
  serviceMinutes(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.records.verifiedMinutes(ctx, user.id);
  }
}
