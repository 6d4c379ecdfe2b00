import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { CommunityNotifier } from './community.notifier';
import { NeedResolver, TaskCommunityResolver, TaskReviewResolver } from './community.resolver';
import { NeedEntity, NeedSupportEntity } from './need.entity';
import { NeedsService } from './needs.service';
import { ReviewsService } from './reviews.service';
import { TaskReviewEntity } from './task-review.entity';

/** Residents' needs (co-creation), their support and adoption, and reviews of completed tasks. */
@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, NeedSupportEntity, TaskReviewEntity]), GeoModule, IdentityModule, NotificationsModule, OrganizationsModule, VolunteeringModule],
  providers: [NeedsService, ReviewsService, CommunityNotifier, NeedResolver, TaskReviewResolver, TaskCommunityResolver],
  exports: [NeedsService, ReviewsService],
})
export class CommunityModule {}
