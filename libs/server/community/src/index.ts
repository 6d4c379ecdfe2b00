export { CommunityModule } from './community.module';
export { NeedsService } from './needs.service';
export { ReviewsService } from './reviews.service';
export { NeedObject, TaskReviewObject } from './graphql/community.objects';
export { COMMUNITY_KINDS } from './community.notifier';
