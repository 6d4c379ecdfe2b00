import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { OrganizationsModule } from '@civicgrid/organizations';
import { ClaimsService } from './claims.service';
import { ServiceRecordEntity } from './service-record.entity';
import { ServiceRecordsService } from './service-records.service';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';
import { NeedEntity, NeedSupportEntity } from './need.entity';
import { TaskReviewEntity } from './task-review.entity';
import { NeedsService } from './needs.service';
import { ReviewsService } from './reviews.service';
import { TaskCompletionJob } from './task-completion.job';
import { AssignmentBatchEntity, InvitationEntity } from './invitation.entity';
import { MatchingService } from './matching.service';
import { InvitationsService } from './invitations.service';
import {
  AutoAssignResolver,
  InvitationResolver,
  ProposedPairResolver,
  ShiftRecommendationResolver,
  VolunteerRecommendationResolver,
} from './matching.resolver';
import { PersonalDetailsService } from './personal-details.service';
import { UserDetailsResolver } from './user-details.resolver';
import { NeedResolver, TaskCommunityResolver, TaskReviewResolver } from './community.resolver';
import {
  ClaimResolver,
  OrganizationTasksResolver,
  ServiceRecordResolver,
  ShiftResolver,
  TaskResolver,
  UserServiceMinutesResolver,
} from './volunteering.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([TaskEntity, ShiftEntity, ShiftClaimEntity, ServiceRecordEntity, NeedEntity, NeedSupportEntity, TaskReviewEntity, InvitationEntity, AssignmentBatchEntity]), GeoModule, IdentityModule, OrganizationsModule],
  providers: [
    TasksService,
    ClaimsService,
    ServiceRecordsService,
    NeedsService,
    ReviewsService,
    TaskCompletionJob,
    MatchingService,
    InvitationsService,
    ShiftRecommendationResolver,
    VolunteerRecommendationResolver,
    ProposedPairResolver,
    AutoAssignResolver,
    InvitationResolver,
    PersonalDetailsService,
    UserDetailsResolver,
    NeedResolver,
    TaskReviewResolver,
    TaskCommunityResolver,
    TaskResolver,
    ShiftResolver,
    ClaimResolver,
    ServiceRecordResolver,
    OrganizationTasksResolver,
    UserServiceMinutesResolver,
  ],
  exports: [TasksService, ClaimsService, ServiceRecordsService, NeedsService, ReviewsService, MatchingService, InvitationsService],
})
export class VolunteeringModule {}
