import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';
import { Limits } from '@civicgrid/contracts';
import { CLAIM_STATUSES, ClaimStatus } from '../claim-status';

export const TaskStatusEnum = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', CLOSED: 'CLOSED', COMPLETED: 'COMPLETED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'Life of a task.',
  valuesMap: {
    DRAFT: { description: 'Being prepared; seen by its organisation only.' },
    PUBLISHED: { description: 'Open for claims.' },
    CLOSED: { description: 'No more claims taken.' },
    COMPLETED: { description: 'Done.' },
    CANCELLED: { description: 'Called off.' },
  },
});

export const ClaimStatusEnum = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, s])) as { [S in ClaimStatus]: S };
registerEnumType(ClaimStatusEnum, {
  name: 'ClaimStatus',
  description: 'Where a claim on a shift stands.',
  valuesMap: {
    CONFIRMED: { description: 'Holds a place.' },
    WAITLISTED: { description: 'Waiting for a place; promoted in order of arrival when one frees.' },
    PENDING_APPROVAL: { description: 'Waiting for a coordinator to approve.' },
    CANCELLED: { description: 'Cancelled by the volunteer, their proxy or a coordinator.' },
    CHECKED_IN: { description: 'On site.' },
    ATTENDED: { description: 'Checked out; service minutes await verification.' },
    NO_SHOW: { description: 'Did not come.' },
    REJECTED: { description: 'Not approved.' },
  },
});

export const ServiceRecordStatusEnum = { PENDING: 'PENDING', VERIFIED: 'VERIFIED', REJECTED: 'REJECTED' } as const;
registerEnumType(ServiceRecordStatusEnum, { name: 'ServiceRecordStatus', description: 'Whether the organisation has verified the minutes.' });

export const ServiceSourceEnum = { CHECKED_IN: 'CHECKED_IN', REPORTED: 'REPORTED' } as const;
registerEnumType(ServiceSourceEnum, {
  name: 'ServiceSource',
  description: 'How minutes of service were known: on site (a ServiceRecord) or reported (a ReportedServiceRecord).',
  valuesMap: {
    CHECKED_IN: { description: 'Checked in and out on site, through a claim on a shift: a ServiceRecord.' },
    REPORTED: { description: 'Served off the platform or signed for on paper: reported by the volunteer (or their proxy) and decided by the organisation, or recorded by its coordinator: a ReportedServiceRecord.' },
  },
});

@ObjectType('Task', { implements: () => [NodeInterface], description: 'Civic work an organisation publishes, done in shifts.' })
export class TaskObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Title.' })
  title: string;
  @Field(() => String, { nullable: true, description: 'What volunteers will do, where to meet, what to bring.' })
  description: string | null;
  @Field({ description: 'Category, e.g. ELDER_CARE, ENVIRONMENT, SAFETY_PATROL.' })
  category: string;
  @Field(() => TaskStatusEnum, { description: 'Status.' })
  status: string;
  @Field(() => [String], { description: 'Skills volunteers need.' })
  requiredSkills: string[];
  @Field({ description: 'Whether a coordinator approves each claim.' })
  requiresApproval: boolean;
  @Field({ description: "When true, a volunteer's own check-in must carry the shift's code." })
  requiresCheckInCode: boolean;
  @Field({ description: 'When true, matching never proposes a volunteer lacking a required skill.' })
  skillsMandatory: boolean;
  @Field(() => Int, { nullable: true, description: 'Minimum age of volunteers, if any.' })
  minimumAge: number | null;
  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt: Date | null;
  @Field({ description: 'When it was created.' })
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was completed.' })
  completedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason: string | null;
}

@ObjectType('Shift', { implements: () => [NodeInterface], description: 'A time slot of a task with a number of places.' })
export class ShiftObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Start (UTC).' })
  startsAt: Date;
  @Field({ description: 'End (UTC).' })
  endsAt: Date;
  @Field(() => Int, { description: 'Number of places.' })
  capacity: number;
  @Field(() => Int, { description: 'Places taken (confirmed, checked in or attended).' })
  confirmedCount: number;
  @Field(() => Int, { description: 'Claims waiting for a place.' })
  waitlistCount: number;
  @Field(() => Int, { description: 'Claims waiting for approval.' })
  pendingCount: number;
  @Field(() => String, { nullable: true, description: 'Where volunteers meet, if not in the description.' })
  place: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was cancelled; a cancelled shift takes no claims.' })
  cancelledAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason: string | null;
}

@ObjectType('ShiftClaim', { implements: () => [NodeInterface], description: "A volunteer's claim on a shift." })
export class ShiftClaimObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => ClaimStatusEnum, { description: 'Status.' })
  status: string;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked in.' })
  checkInAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked out.' })
  checkOutAt: Date | null;
  @Field({ description: 'When the claim was made.' })
  createdAt: Date;
  @Field(() => ID, { nullable: true, description: 'Claims made together (a volunteer and companions) share it: seated together or waiting together.' })
  partyId: string | null;
  @Field({ description: "Whether the volunteer shares their phone with the organisers of this shift." })
  phoneShared: boolean;
}

@ObjectType('VolunteerProfileCard', {
  description: "What the organisers of a shift may know of a volunteer who claimed it, to judge the claim: for the organisation's coordinators, the volunteer and their proxies.",
})
export class VolunteerProfileCardObject {
  @Field(() => ID, { description: "The volunteer's id." })
  volunteerId: string;
  @Field({ description: 'Display name.' })
  displayName: string;
  @Field(() => [String], { description: 'Skills the volunteer declared.' })
  skills: string[];
  @Field(() => Int, { description: 'Verified minutes of service, all time.' })
  verifiedMinutes: number;
  @Field(() => Float, { nullable: true, description: 'Attended ÷ confirmed past claims (all organisations); null before the first.' })
  attendanceRate: number | null;
  @Field(() => Int, { description: 'Tasks the volunteer came to (checked in), all organisations.' })
  tasksServed: number;
  @Field({ description: 'When the volunteer joined CivicGrid.' })
  memberSince: Date;
  @Field(() => String, { nullable: true, description: "The phone: in full when the volunteer shares it for this claim's shift (each read by an organiser audited), or to the volunteer and their proxies; masked otherwise; null when the person has none." })
  phone: string | null;
  @Field({ description: 'Whether the volunteer shares their phone with the organisers for this claim.' })
  phoneShared: boolean;
}

@ObjectType('ServiceRecord', {
  implements: () => [NodeInterface],
  description: 'Minutes of service from one attended claim: checked in and out on site (hours reported without a claim are a ReportedServiceRecord).',
})
export class ServiceRecordObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => ServiceSourceEnum, { description: 'How the minutes were known: always CHECKED_IN (on site, through the claim).' })
  source: string;
  @Field(() => Int, { description: 'Minutes of service.' })
  minutes: number;
  @Field(() => ServiceRecordStatusEnum, { description: 'Verification status.' })
  status: string;
  @Field(() => Date, { nullable: true, description: 'When it was verified or rejected.' })
  verifiedAt: Date | null;
  @Field({ description: 'When it was recorded.' })
  createdAt: Date;
}

export const TaskConnection = ConnectionType(TaskObject, 'Task', 'task');
export const ShiftConnection = ConnectionType(ShiftObject, 'Shift', 'shift', { countCap: Limits.boardCountCap });
export const ClaimConnection = ConnectionType(ShiftClaimObject, 'Claim', 'claim');
export const ServiceRecordConnection = ConnectionType(ServiceRecordObject, 'ServiceRecord', 'service record');
