export { VolunteeringModule } from './volunteering.module';
export { TasksService } from './tasks.service';
export { ClaimsService } from './claims.service';
export { ServiceRecordsService } from './service-records.service';
export { TaskObject, ShiftObject, ShiftClaimObject, ServiceRecordObject } from './graphql/volunteering.objects';
export { NeedsService } from './needs.service';
export { ReviewsService } from './reviews.service';
