import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType('MessageVolunteersInput', { description: 'A message to everyone expected on a shift, or on the shifts of a task still to come (exactly one of shiftId, taskId).' })
export class MessageVolunteersInput {
  @Field(() => ID, { nullable: true, description: 'The shift whose volunteers to tell.' })
  @IsOptional()
  @IsUUID()
  shiftId?: string;
  @Field(() => ID, { nullable: true, description: 'The task whose volunteers (on shifts not yet ended) to tell.' })
  @IsOptional()
  @IsUUID()
  taskId?: string;
  @Field({ description: 'The message, 1 to 500 characters.' })
  @IsString()
  @Length(1, 2000)
  message: string;
  @Field({ description: 'Chosen by the client; sending again with the same key sends nothing and answers the first result.' })
  @IsString()
  @Length(1, 100)
  idempotencyKey: string;
}

@ObjectType('MessageVolunteersPayload', { description: 'What a message to volunteers reached.' })
export class MessageVolunteersPayloadObject {
  @Field(() => Int, { description: 'How many volunteers it went to.' })
  recipients: number;
}
