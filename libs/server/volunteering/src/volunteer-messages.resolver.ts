import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, SignedIn } from '@civicgrid/platform';
import { MessageVolunteersInput, MessageVolunteersPayloadObject } from './graphql/messages.objects';
import { VolunteerMessagesService } from './volunteer-messages.service';

@Resolver()
export class VolunteerMessagesResolver {
  constructor(private readonly messages: VolunteerMessagesService) {}

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => MessageVolunteersPayloadObject, {
    description: "Tell everyone expected on a shift or task (COORDINATOR or above of its organisation), through each volunteer's channels. Idempotent by key; at most 10 an hour; audited.",
  })
  messageVolunteers(@Ctx() ctx: RequestContext, @Args('input') input: MessageVolunteersInput) {
    return this.messages.send(ctx, input);
  }
}
