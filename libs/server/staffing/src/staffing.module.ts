import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { AssignmentBatchEntity, InvitationEntity } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { MatchingService } from './matching.service';
import { StaffingNotifier } from './staffing.notifier';
import {
  AutoAssignResolver,
  InvitationResolver,
  ProposedPairResolver,
  ShiftFillResolver,
  ShiftInvitationsResolver,
  ShiftRecommendationResolver,
  VolunteerRecommendationResolver,
} from './matching.resolver';

/** Staffing shifts: recommendations both ways, the optimal auto-fill, and invitations. */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity, AssignmentBatchEntity]), GeoModule, IdentityModule, NotificationsModule, OrganizationsModule, VolunteeringModule],
  providers: [MatchingService, InvitationsService, StaffingNotifier, ShiftRecommendationResolver, VolunteerRecommendationResolver, ProposedPairResolver, AutoAssignResolver, ShiftFillResolver, ShiftInvitationsResolver, InvitationResolver],
  exports: [MatchingService, InvitationsService],
})
export class StaffingModule {}
