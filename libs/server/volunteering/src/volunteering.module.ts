import { Module } from '@nestjs/common';
import { ClaimantProfileService } from './claimant-profile.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { ClaimsService } from './claims.service';
import { ServiceRecordEntity } from './service-record.entity';
import { ServiceRecordsService } from './service-records.service';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';
import { ShiftBoard } from './shift-board';
import { LiveShiftsResolver } from './live-shifts.resolver';
import { VolunteerMessagesResolver } from './volunteer-messages.resolver';
import { VolunteerMessagesService } from './volunteer-messages.service';
import { VolunteeringNotifier } from './volunteering.notifier';
import { PersonalDetailsService } from './personal-details.service';
import { UserDetailsResolver } from './user-details.resolver';
import { ShiftSeriesClaimEntity, ShiftSeriesEntity } from './shift-series.entity';
import { ShiftSeriesService } from './shift-series.service';
import { ShiftSeriesNotifier } from './shift-series.notifier';
import { ShiftSeriesClaimResolver, ShiftSeriesOfShiftResolver, ShiftSeriesResolver, TaskShiftSeriesResolver } from './shift-series.resolver';
import { ReportedHoursService } from './reported-hours.service';
import { OrganizationServiceReportsResolver, ServiceHoursResolver, UserServiceSourcesResolver } from './service-hours.resolver';
import { ServiceHoursNotifier } from './service-hours.notifier';
import { KioskService } from './kiosk.service';
import { KioskResolver } from './kiosk.resolver';
import {
  ClaimResolver,
  OrganizationTasksResolver,
  ServiceRecordResolver,
  ShiftResolver,
  TaskResolver,
  UserServiceMinutesResolver,
} from './volunteering.resolver';

/** Tasks, shifts (one-off and recurring), claims, attendance (with the check-in kiosk) and service records (checked in and reported). */
@Module({
  imports: [TypeOrmModule.forFeature([TaskEntity, ShiftEntity, ShiftClaimEntity, ServiceRecordEntity, ShiftSeriesEntity, ShiftSeriesClaimEntity]), GeoModule, IdentityModule, NotificationsModule, OrganizationsModule],
  providers: [
    TasksService,
    ShiftBoard,
    ClaimsService,
    ServiceRecordsService,
    VolunteeringNotifier,
    LiveShiftsResolver,
    VolunteerMessagesService,
    VolunteerMessagesResolver,
    PersonalDetailsService,
    ClaimantProfileService,
    UserDetailsResolver,
    TaskResolver,
    ShiftResolver,
    ClaimResolver,
    ServiceRecordResolver,
    OrganizationTasksResolver,
    UserServiceMinutesResolver,
    ShiftSeriesService,
    ShiftSeriesNotifier,
    ShiftSeriesResolver,
    TaskShiftSeriesResolver,
    ShiftSeriesOfShiftResolver,
    ShiftSeriesClaimResolver,
    ReportedHoursService,
    ServiceHoursResolver,
    OrganizationServiceReportsResolver,
    UserServiceSourcesResolver,
    ServiceHoursNotifier,
    KioskService,
    KioskResolver,
  ],
  exports: [TasksService, ClaimsService, ServiceRecordsService, ShiftSeriesService],
})
export class VolunteeringModule {}
