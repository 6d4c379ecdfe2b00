export { VolunteeringModule } from './volunteering.module';
export { TasksService } from './tasks.service';
export type { DraftTask, TaskCompletedListener } from './tasks.service';
export { ClaimsService } from './claims.service';
export { ServiceRecordsService } from './service-records.service';
export { TaskObject, ShiftObject, ShiftClaimObject, ServiceRecordObject } from './graphql/volunteering.objects';
export type { TaskEntity as Task, TaskStatus } from './task.entity';
export type { ShiftEntity as Shift } from './shift.entity';
export type { ShiftClaimEntity as ShiftClaim, ClaimStatus } from './shift-claim.entity';
