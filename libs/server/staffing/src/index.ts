export { StaffingModule } from './staffing.module';
export { MatchingService } from './matching.service';
export { InvitationsService } from './invitations.service';
export { InvitationObject } from './graphql/matching.objects';
export { STAFFING_KINDS } from './staffing.notifier';
