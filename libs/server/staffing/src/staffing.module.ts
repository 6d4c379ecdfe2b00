import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { AssignmentBatchEntity, InvitationEntity } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { MatchingService } from './matching.service';
import { AutoAssignResolver, InvitationResolver, ProposedPairResolver, ShiftRecommendationResolver, VolunteerRecommendationResolver } from './matching.resolver';

/** Staffing shifts: recommendations both ways, the optimal auto-fill, and invitations. */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity, AssignmentBatchEntity]), GeoModule, IdentityModule, VolunteeringModule],
  providers: [MatchingService, InvitationsService, ShiftRecommendationResolver, VolunteerRecommendationResolver, ProposedPairResolver, AutoAssignResolver, InvitationResolver],
  exports: [MatchingService, InvitationsService],
})
export class StaffingModule {}
