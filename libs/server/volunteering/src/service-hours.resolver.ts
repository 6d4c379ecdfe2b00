import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { UserObject, UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import type { Organization } from '@civicgrid/organizations';
import { DecideReportedServiceInput, RecordServiceHoursInput, ReportServiceHoursInput } from './graphql/service-hours.inputs';
import { ReportedServiceRecordConnection, ReportedServiceRecordObject } from './graphql/service-hours.objects';
import { TaskObject } from './graphql/volunteering.objects';
import { ReportedHoursService } from './reported-hours.service';
import { ServiceRecordEntity } from './service-record.entity';
import { ServiceRecordsService } from './service-records.service';
import { TasksService } from './tasks.service';

/** Hours the platform did not see: report, decide, record, and list them, with what each record tells of itself. */
@Resolver(() => ReportedServiceRecordObject)
export class ServiceHoursResolver {
  constructor(
    private readonly reported: ReportedHoursService,
    private readonly tasks: TasksService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Query(() => ReportedServiceRecordConnection, {
    description: "The hours the signed-in volunteer reported or had recorded (or, with volunteerId, those of a resident they act for), newest first (checked-in minutes: myServiceRecords).",
  })
  async myReportedService(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('volunteerId', { type: () => ID, nullable: true }) volunteerId?: string,
  ) {
    const me = (await ctx.requireActor()).userId;
    return this.reported.reportsOf(ctx, volunteerId ?? me, { first, after });
  }

  @SignedIn()
  @Allow('service.report')
  @Mutation(() => ReportedServiceRecordObject, {
    description: 'Report hours served off the platform or signed for on paper (for yourself, or for a resident you act for): PENDING until the organisation decides.',
  })
  reportServiceHours(@Ctx() ctx: RequestContext, @Args('input') input: ReportServiceHoursInput) {
    return this.reported.report(ctx, input);
  }

  @SignedIn()
  @Allow('service.verify')
  @Mutation(() => ReportedServiceRecordObject, {
    description: "Record a volunteer's hours from a paper sign-in sheet (the organisation's COORDINATOR or above, never for oneself): VERIFIED at once, audited; the volunteer is told.",
  })
  recordServiceHours(@Ctx() ctx: RequestContext, @Args('input') input: RecordServiceHoursInput) {
    return this.reported.record(ctx, input);
  }

  @SignedIn()
  @Allow('service.verify')
  @Mutation(() => ReportedServiceRecordObject, {
    description: "Approve or reject a volunteer's report of hours (the organisation's COORDINATOR or above; not one's own, nor one reported for someone else); decided once, and the volunteer is told.",
  })
  decideReportedService(@Ctx() ctx: RequestContext, @Args('input') input: DecideReportedServiceInput) {
    return this.reported.decide(ctx, input.serviceRecordId, input.approve, input.reason);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation served.' })
  organization(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, record.organizationId!);
  }

  @ResolveField(() => TaskObject, { nullable: true, description: "The organisation's task the service belonged to, when the report names one." })
  task(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return record.taskId ? this.tasks.loadTask(ctx, record.taskId) : null;
  }

  @ResolveField(() => UserObject, { description: 'The volunteer who served.' })
  volunteer(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, record.volunteerId);
  }

  @ResolveField(() => UserObject, { description: 'Who reported the minutes: the volunteer, their proxy, or the coordinator who recorded them.' })
  reportedBy(record: ServiceRecordEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, record.reportedById!);
  }
}

@Resolver(() => OrganizationObject)
export class OrganizationServiceReportsResolver {
  constructor(private readonly reported: ReportedHoursService) {}

  @ResolveField('pendingServiceReports', () => ReportedServiceRecordConnection, { description: "Volunteers' reports of hours awaiting the organisation's decision, oldest first (its COORDINATORs and above only)." })
  pendingServiceReports(
    @Ctx() ctx: RequestContext,
    @Parent() org: Organization,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.reported.pendingFor(ctx, org.id, { first, after });
  }
}

@Resolver(() => UserObject)
export class UserServiceSourcesResolver {
  constructor(private readonly records: ServiceRecordsService) {}

  @ResolveField(() => Int, {
    description: 'Verified minutes checked in on site, all time (part of serviceMinutes). Incentives are to pay for these only: they rest on presence the platform saw.',
  })
  async checkedInMinutes(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.records.verifiedMinutesBySource(ctx, user.id)).checkedIn;
  }

  @ResolveField(() => Int, { description: 'Verified minutes reported (served off the platform or signed for on paper), all time (part of serviceMinutes).' })
  async reportedMinutes(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.records.verifiedMinutesBySource(ctx, user.id)).reported;
  }
}
