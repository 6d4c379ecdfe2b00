import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MembershipRoleEnum, SeniorTitleEnum } from './organization.object';

@InputType('InviteMemberInput', { description: 'Invite a person, by mobile number, into an organisation (its ADMIN or above); they accept with decideMembership.' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'Mobile number of the person invited (they must have an account).' })
  @IsString()
  phone: string;
  @Field(() => MembershipRoleEnum, { description: 'Role once they accept.' })
  @IsIn(Object.values(MembershipRoleEnum))
  role: 'OWNER' | 'ADMIN' | 'COORDINATOR' | 'MEMBER';
}

@InputType('JoinOrganizationInput', { description: 'Ask to join an organisation (or accept its invitation).' })
export class JoinOrganizationInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId: string;
  @Field({ nullable: true, description: 'A word to the organisation.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

@InputType('DecideMembershipInput', { description: 'Answer an invitation (the invitee) or a request to join (ADMIN or above).' })
export class DecideMembershipInput {
  @Field(() => ID, { description: 'The membership awaiting an answer.' })
  @IsUUID()
  membershipId: string;
  @Field({ description: 'True to accept.' })
  @IsBoolean()
  accept: boolean;
}

@InputType('ChangeMemberRoleInput', { description: "Change a member's role (ADMIN or above; OWNER for owners), and a seniors' council member's title." })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The membership.' })
  @IsUUID()
  membershipId: string;
  @Field(() => MembershipRoleEnum, { description: 'The new role.' })
  @IsIn(Object.values(MembershipRoleEnum))
  role: 'OWNER' | 'ADMIN' | 'COORDINATOR' | 'MEMBER';
  @Field(() => SeniorTitleEnum, { nullable: true, description: "Title, for a seniors' council." })
  @IsOptional()
  @IsIn(Object.values(SeniorTitleEnum))
  seniorTitle?: string;
}

@InputType('RemoveMemberInput', { description: 'Remove a member or withdraw an invitation (ADMIN or above).' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'The membership.' })
  @IsUUID()
  membershipId: string;
}
