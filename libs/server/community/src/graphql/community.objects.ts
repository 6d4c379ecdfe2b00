import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Limits } from '@civicgrid/contracts';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

export const NeedStatusEnum = { OPEN: 'OPEN', ADOPTED: 'ADOPTED', FULFILLED: 'FULFILLED', CLOSED: 'CLOSED' } as const;
registerEnumType(NeedStatusEnum, {
  name: 'NeedStatus',
  description: 'Life of a need.',
  valuesMap: {
    OPEN: { description: 'Waiting for an organisation to adopt it.' },
    ADOPTED: { description: 'An organisation is working on it through a task.' },
    FULFILLED: { description: 'Its task was completed.' },
    CLOSED: { description: 'Withdrawn.' },
  },
});

@ObjectType('Need', { implements: () => [NodeInterface], description: "A resident's need or proposal (共同缔造) that an organisation may adopt." })
export class NeedObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Title.' })
  title: string;
  @Field({ description: 'What is needed, where, for whom.' })
  description: string;
  @Field({ description: 'Category, as for tasks.' })
  category: string;
  @Field(() => NeedStatusEnum, { description: 'Status.' })
  status: string;
  @Field(() => Int, { description: 'How many people support it (+1).' })
  supportCount: number;
  @Field({ description: 'When it was posted.' })
  createdAt: Date;
}

@ObjectType('TaskReview', { description: 'A rating of a completed task by a resident of its area or one of its volunteers.' })
export class TaskReviewObject {
  @Field(() => ID, { description: 'Id.' })
  id: string;
  @Field(() => Int, { description: 'From 1 to 5.' })
  rating: number;
  @Field(() => String, { nullable: true, description: 'A comment.' })
  comment: string | null;
  @Field({ description: 'When it was given.' })
  createdAt: Date;
}

export const NeedConnection = ConnectionType(NeedObject, 'Need', 'need');
export const TaskReviewConnection = ConnectionType(TaskReviewObject, 'TaskReview', 'review');

@InputType('PublishNeedInput', { description: 'Post a need, for oneself or for a resident one may act for.' })
export class PublishNeedInput {
  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, Limits.taskTitleMaxLength)
  title: string;
  @Field({ description: 'Description.' })
  @IsString()
  @Length(1, Limits.descriptionMaxLength)
  description: string;
  @Field({ description: 'Category, e.g. ELDER_CARE.' })
  @IsString()
  @Length(1, Limits.categoryMaxLength)
  category: string;
  @Field(() => ID, { description: 'Where.' })
  @IsUUID()
  regionId: string;
  @Field(() => ID, { nullable: true, description: "The resident a grid leader or proxy posts for." })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
}

@InputType('NeedFilter', { description: 'Filters for the needs board.' })
export class NeedFilter {
  @Field(() => ID, { nullable: true, description: "Only needs in this region's subtree." })
  @IsOptional()
  @IsUUID()
  regionId?: string;
  @Field(() => NeedStatusEnum, { nullable: true, description: 'Only this status.' })
  @IsOptional()
  @IsIn(Object.values(NeedStatusEnum))
  status?: string;
  @Field({ nullable: true, description: 'Only this category.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.categoryMaxLength)
  category?: string;
}

@InputType('AdoptNeedInput', { description: 'Adopt a need for an organisation (its COORDINATOR or above); creates a DRAFT task linked to it.' })
export class AdoptNeedInput {
  @Field(() => ID, { description: 'The need.' })
  @IsUUID()
  needId: string;
  @Field(() => ID, { description: 'The adopting organisation.' })
  @IsUUID()
  organizationId: string;
}

@InputType('ReviewTaskInput', { description: 'Rate a completed task, once.' })
export class ReviewTaskInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  taskId: string;
  @Field(() => Int, { description: 'From 1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;
  @Field({ nullable: true, description: 'A comment.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
