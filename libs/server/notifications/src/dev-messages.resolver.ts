import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, AuditService, authorize, ConnectionType, Ctx, paginate, RequestContext, SignedIn, TransactionRunner } from '@civicgrid/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message the development sink kept instead of sending it. */
@Entity('dev_message')
export class DevMessageEntity {
  @PrimaryColumn({ type: 'bigint' })
  id: string;
  @Column({ type: 'text' })
  channel: string;
  @Column({ type: 'text' })
  recipient: string;
  @Column({ type: 'text', nullable: true })
  subject: string | null;
  @Column({ type: 'text' })
  body: string;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType('DevMessage', { description: 'An SMS or e-mail the development sink kept because no provider is set for its channel.' })
export class DevMessageObject {
  @Field(() => ID, { description: 'Sequence number.' })
  id: string;
  @Field({ description: 'SMS or EMAIL.' })
  channel: string;
  @Field({ description: 'The phone number or address it was for.' })
  recipient: string;
  @Field(() => String, { nullable: true, description: 'Subject (e-mail).' })
  subject: string | null;
  @Field({ description: 'The text as it would have been sent.' })
  body: string;
  @Field({ description: 'When.' })
  createdAt: Date;
}

export const DevMessageConnection = ConnectionType(DevMessageObject, 'DevMessage', 'development message');

@Resolver(() => DevMessageObject)
export class DevMessagesResolver {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  @SignedIn()
  @Allow('audit.read')
  @Query(() => DevMessageConnection, { description: 'Messages kept by the development sink, newest first (administrators; audited).' })
  async devMessages(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number, @Args('after', { nullable: true }) after?: string) {
    authorize(await ctx.requireActor(), 'audit.read');
    await this.audit.record(ctx, { action: 'pii.read', subjectType: 'dev_message', detail: { field: 'devMessages' } });
    const qb = this.tx.manager(ctx).getRepository(DevMessageEntity).createQueryBuilder('m');
    return paginate(qb, { first, after }, { columns: [{ expr: 'm.id', kind: 'number' }], direction: 'DESC', keyOf: (m) => [String(m.id)] });
  }
}
