import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

@ObjectType('MatchReason', { description: 'One explained part of a match score.' })
export class MatchReasonObject {
  @Field({ description: 'SKILL_MATCH, DISTANCE, AVAILABILITY, URGENCY, FAIRNESS, RELIABILITY or LANGUAGE.' })
  code: string;
  @Field(() => Float, { description: "This part's contribution to the score (the reasons add up to the score)." })
  weight: number;
  @Field(() => String, { nullable: true, description: 'Facts behind it as `key=value` pairs joined by `;` (e.g. `distanceKm=2.1`), for the portal to put into words.' })
  detail: string | null;
}

/** The explained score every pairing of a volunteer and a shift carries. */
@ObjectType({ isAbstract: true })
abstract class ScoredPair {
  @Field(() => Float, { description: 'Score in [0, 1].' })
  score: number;
  @Field(() => Float, { nullable: true, description: 'Distance from home, km.' })
  distanceKm: number | null;
  @Field(() => [MatchReasonObject], { description: 'Why, part by part.' })
  reasons: MatchReasonObject[];
}

@ObjectType('ShiftRecommendation', { description: 'A shift recommended to a volunteer, with its score and reasons.' })
export class ShiftRecommendationObject extends ScoredPair {}

@ObjectType('VolunteerRecommendation', { description: 'A volunteer recommended for a shift, with the score and reasons.' })
export class VolunteerRecommendationObject extends ScoredPair {}

export const InvitationStatusEnum = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', EXPIRED: 'EXPIRED', WITHDRAWN: 'WITHDRAWN' } as const;
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus', description: 'Where an invitation stands.' });

@ObjectType('Invitation', { implements: () => [NodeInterface], description: 'An invitation to a volunteer to take a place on a shift.' })
export class InvitationObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => Float, { description: 'The match score that led to it.' })
  score: number;
  @Field(() => Date, { description: 'When it lapses (at the latest when the shift starts).' })
  expiresAt: Date;
  @Field({ description: 'When it was sent.' })
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the volunteer (or their proxy) accepted or declined; null while unanswered or once lapsed.' })
  respondedAt: Date | null;
}

@ObjectType('ShiftFill', { description: "One shift's part of an auto-fill proposal, in figures a coordinator can judge." })
export class ShiftFillObject {
  @Field(() => Int, { description: 'Places that were open on the shift.' })
  placesOpen: number;
  @Field(() => Int, { description: 'Places the proposal fills.' })
  placesFilled: number;
  @Field(() => Int, { description: "How many of the people chosen hold every skill the task asks for (all of them when it asks for none)." })
  skillsMet: number;
  @Field(() => Int, { nullable: true, description: "Mean distance from the chosen people's homes to the shift, metres; null when nobody is chosen." })
  meanDistanceMeters: number | null;
}

@ObjectType('ProposedPair', { description: 'A volunteer chosen for a place on a shift.' })
export class ProposedPairObject extends ScoredPair {}

@ObjectType('AssignmentProposal', {
  description:
    "The result of an auto-fill: the optimal choice of volunteers and, unless a dry run, the invitations sent. It proposes only people the suggestions would list: never the organisation's own staff (COORDINATOR and above), people who declared no availability or whose windows cover less than half the shift, people already claiming or invited, under the task's minimum age, or without its mandatory skills.",
})
export class AssignmentProposalObject {
  @Field(() => Int, { description: 'Places that were open on the shifts.' })
  placesOpen: number;
  @Field(() => Int, { description: 'Places the proposal fills (placesOpen − placesFilled stay open).' })
  placesFilled: number;
  @Field(() => Int, { description: 'How many of the people chosen hold every skill their shift asks for.' })
  skillsMet: number;
  @Field(() => Int, { nullable: true, description: "Mean distance from the chosen people's homes to their shifts, metres; null when nobody is chosen." })
  meanDistanceMeters: number | null;
  @Field(() => [ShiftFillObject], { description: 'The same figures per shift, in the order the shifts were given.' })
  shifts: unknown[];
  @Field(() => [ProposedPairObject], { description: 'The chosen volunteer for each place filled.' })
  pairs: unknown[];
  @Field(() => [InvitationObject], { description: 'One per pair; empty on a dry run.' })
  invitations: unknown[];
  @Field(() => Float, { description: "Sum of the chosen pairs' scores: the optimum of the assignment problem." })
  objective: number;
  @Field(() => Int, { description: 'Places left unfilled.' })
  unfilledPlaces: number;
}

export const InvitationConnection = ConnectionType(InvitationObject, 'Invitation', 'invitation');

@InputType('AutoAssignInput', { description: "Fill open places of shifts optimally (the shifts' organisations' COORDINATOR or above)." })
export class AutoAssignInput {
  @Field(() => [ID], { description: 'The shifts, 1 to 300.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @IsUUID('all', { each: true })
  shiftIds: string[];
  @Field(() => Float, { nullable: true, description: 'Furthest distance from home, km (default 10).' })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(100)
  maxDistanceKm?: number;
  @Field({ description: 'True to see the proposal without sending invitations.' })
  @IsBoolean()
  dryRun: boolean;
  @Field({ description: 'A replay with the same key returns the first result.' })
  @IsString()
  @Length(1, 200)
  idempotencyKey: string;
  @Field(() => Int, { nullable: true, description: 'Minutes before invitations lapse (default 1440; never after the shift starts).' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(10080)
  expiresInMinutes?: number;
}

@InputType('RespondToInvitationInput', { description: 'Accept (which claims the place) or decline an invitation.' })
export class RespondToInvitationInput {
  @Field(() => ID, { description: 'The invitation.' })
  @IsUUID()
  invitationId: string;
  @Field({ description: 'True to accept.' })
  @IsBoolean()
  accept: boolean;
}

@InputType('InviteVolunteerInput', { description: 'Invite one volunteer to a shift (its organisation\'s COORDINATOR or above).' })
export class InviteVolunteerInput {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  shiftId: string;
  @Field(() => ID, { description: 'The volunteer.' })
  @IsUUID()
  volunteerId: string;
  @Field(() => Int, { nullable: true, description: 'Minutes before it lapses (default 1440; never after the shift starts).' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(10080)
  expiresInMinutes?: number;
}
