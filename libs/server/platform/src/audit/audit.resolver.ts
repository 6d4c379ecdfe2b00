import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from './json.scalar';
import { Allow, Ctx, SignedIn } from '../context/decorators';
import { RequestContext } from '../context/request-context';
import { ConnectionType } from '../pagination/connection';
import { AuditService } from './audit.service';

@ObjectType('AuditEntry', { description: 'A privileged action or a read of personal information.' })
export class AuditEntryObject {
  @Field(() => ID, { description: 'Sequence number of the entry.' })
  id: string;
  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;
  @Field(() => ID, { nullable: true, description: 'Who did it; null for the system.' })
  actorUserId: string | null;
  @Field({ description: 'What was done, e.g. `pii.read` or `service.verify`.' })
  action: string;
  @Field({ description: 'Kind of thing acted on.' })
  subjectType: string;
  @Field(() => String, { nullable: true, description: 'Id of the thing acted on.' })
  subjectId: string | null;
  @Field(() => GraphQLJSON, { description: 'Details of the action.' })
  detail: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'Id of the request that did it.' })
  requestId: string | null;
}
export const AuditEntryConnection = ConnectionType(AuditEntryObject, 'AuditEntry', 'audit entry');

@Resolver(() => AuditEntryObject)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @SignedIn()
  @Allow('audit.read')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (administrators).' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Args('action', { nullable: true }) action?: string,
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.audit.list(ctx, { action, subjectId }, { first, after });
  }
}
