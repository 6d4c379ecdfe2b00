import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID } from 'class-validator';
import { NodeInterface } from '@civicgrid/platform';

@ObjectType('Honour', { implements: () => [NodeInterface], description: 'An honour (e.g. 优秀志愿者) awarded to a person in an organisation\'s name; public on their profile.' })
export class HonourObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'The honour, e.g. 优秀志愿者 (1–40 characters).' })
  title: string;
  @Field({ description: 'Why it was awarded.' })
  reason: string;
  @Field({ description: 'When it was awarded.' })
  awardedAt: Date;
}

@InputType('AwardHonourInput', { description: "An honour for a person, in an organisation's name." })
export class AwardHonourInput {
  @Field(() => ID, { description: 'The person honoured (not yourself).' })
  @IsUUID()
  userId: string;
  @Field(() => ID, { description: 'The organisation in whose name it is awarded: one you are ADMIN+ of (verified), or, as an official, one of your scope or any when the person lives in it.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'The honour, 1–40 characters.' })
  @IsString()
  title: string;
  @Field({ description: 'Why (required, at most 500 characters).' })
  @IsString()
  reason: string;
}
