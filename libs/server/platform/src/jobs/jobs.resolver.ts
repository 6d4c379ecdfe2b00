import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from '../audit/json.scalar';
import { Allow, Ctx, SignedIn } from '../context/decorators';
import { RequestContext } from '../context/request-context';
import { JobsService } from './jobs.service';

@ObjectType('DeadLetterJob', { description: 'A job that failed every try (e.g. an SMS the provider kept refusing): for administrators to look into.' })
export class DeadLetterJobObject {
  @Field(() => ID, { description: 'Id of the job.' })
  id: string;
  @Field({ description: 'The job it was, e.g. notifications.deliver.' })
  queue: string;
  @Field(() => GraphQLJSON, { description: "The job's data (ids only)." })
  data: object;
  @Field({ description: 'When it was given up on.' })
  createdOn: Date;
}

@Resolver(() => DeadLetterJobObject)
export class JobsResolver {
  constructor(private readonly jobs: JobsService) {}

  @SignedIn()
  @Allow('audit.read')
  @Query(() => [DeadLetterJobObject], { description: 'Jobs that failed every try, newest first (administrators).' })
  async deadLetterJobs(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number) {
    return this.jobs.deadLetters(ctx, Math.min(Math.max(first ?? 50, 1), 100));
  }
}
