import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, ConnectionType, Ctx, RequestContext, SignedIn } from '@civicgrid/platform';
import { DevMessagesService } from './dev-messages.service';

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
  constructor(private readonly messages: DevMessagesService) {}

  @SignedIn()
  @Allow('audit.read')
  @Query(() => DevMessageConnection, { description: 'Messages kept by the development sink, newest first (administrators; audited).' })
  devMessages(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number, @Args('after', { nullable: true }) after?: string) {
    return this.messages.list(ctx, { first, after });
  }
}
