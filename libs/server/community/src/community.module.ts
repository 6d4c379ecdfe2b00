import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { OrganizationsModule } from '@civicgrid/organizations';
import { TasksService, VolunteeringModule } from '@civicgrid/volunteering';
import { NeedResolver, TaskCommunityResolver, TaskReviewResolver } from './community.resolver';
import { NeedEntity, NeedSupportEntity } from './need.entity';
import { NeedsService } from './needs.service';
import { ReviewsService } from './reviews.service';
import { TaskReviewEntity } from './task-review.entity';

/** Residents' needs (co-creation), their support and adoption, and reviews of completed tasks. */
@Module({
  imports: [TypeOrmModule.forFeature([NeedEntity, NeedSupportEntity, TaskReviewEntity]), GeoModule, IdentityModule, OrganizationsModule, VolunteeringModule],
  providers: [NeedsService, ReviewsService, NeedResolver, TaskReviewResolver, TaskCommunityResolver],
  exports: [NeedsService, ReviewsService],
})
export class CommunityModule implements OnModuleInit {
  constructor(
    private readonly tasks: TasksService,
    private readonly needs: NeedsService,
  ) {}

  onModuleInit(): void {
    // TEMPORARY until volunteering publishes `task.completed`: a completed task fulfils its need.
    this.tasks.onTaskCompleted((ctx, taskId) => this.needs.fulfilByTask(ctx, taskId));
  }
}
