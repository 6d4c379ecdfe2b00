import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';
import { ServiceRecordStatusEnum, ServiceSourceEnum } from './volunteering.objects';

/**
 * Hours the platform did not see, as their own type: a ServiceRecord always comes from an
 * attended claim (the client contract holds `claim` non-null), a reported one never does.
 * Both are rows of `service_record`; `source` tells them apart.
 */
@ObjectType('ReportedServiceRecord', {
  implements: () => [NodeInterface],
  description: 'Minutes served off the platform or signed for on paper, without a claim: reported by the volunteer (or their proxy) and decided by the organisation, or recorded by its coordinator.',
})
export class ReportedServiceRecordObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => ServiceSourceEnum, { description: 'How the minutes were known: always REPORTED.' })
  source: string;
  @Field(() => Int, { description: 'Minutes of service.' })
  minutes: number;
  @Field(() => ServiceRecordStatusEnum, { description: 'PENDING until the organisation decides; VERIFIED minutes count in serviceMinutes.' })
  status: string;
  @Field({ description: 'The day served, YYYY-MM-DD (Asia/Shanghai).' })
  servedOn: string;
  @Field({ description: 'What was done, in the words of whoever reported it.' })
  description: string;
  @Field(() => String, { nullable: true, description: "The organisation's reason for its decision, when it gave one (always, for a rejection)." })
  decisionReason: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was verified or rejected.' })
  verifiedAt: Date | null;
  @Field({ description: 'When it was reported or recorded.' })
  createdAt: Date;
}

export const ReportedServiceRecordConnection = ConnectionType(ReportedServiceRecordObject, 'ReportedServiceRecord', 'reported service record');
