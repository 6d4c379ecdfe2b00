import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Limits } from '@civicgrid/contracts';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

export const OrganizationKindEnum = {
  NGO: 'NGO',
  SOCIAL_GROUP: 'SOCIAL_GROUP',
  MERCHANT: 'MERCHANT',
  SENIORS_COUNCIL: 'SENIORS_COUNCIL',
  WOMENS_FEDERATION: 'WOMENS_FEDERATION',
  RESIDENTS_COMMITTEE: 'RESIDENTS_COMMITTEE',
  STREET_OFFICE: 'STREET_OFFICE',
  DEPARTMENT: 'DEPARTMENT',
} as const;
registerEnumType(OrganizationKindEnum, {
  name: 'OrganizationKind',
  description: 'What kind of organisation this is.',
  valuesMap: {
    NGO: { description: 'A non-governmental organisation (社会组织).' },
    SOCIAL_GROUP: { description: 'A self-governance group of residents (自治组织).' },
    MERCHANT: { description: 'A shop or business (商户).' },
    SENIORS_COUNCIL: { description: "A seniors' council (五老理事会)." },
    WOMENS_FEDERATION: { description: "A women's federation branch (妇联)." },
    RESIDENTS_COMMITTEE: { description: "A residents' committee (居委会)." },
    STREET_OFFICE: { description: 'A street office (街道办事处); only officials register these.' },
    DEPARTMENT: { description: 'A government department that reports in to whistles; only officials register these.' },
  },
});

export const MembershipRoleEnum = { OWNER: 'OWNER', ADMIN: 'ADMIN', COORDINATOR: 'COORDINATOR', MEMBER: 'MEMBER' } as const;
registerEnumType(MembershipRoleEnum, {
  name: 'MembershipRole',
  description: 'Role inside an organisation; each may do all that the ones below it may.',
  valuesMap: {
    OWNER: { description: 'Owns the organisation.' },
    ADMIN: { description: 'Manages members and settings.' },
    COORDINATOR: { description: 'Publishes tasks, approves claims, verifies service.' },
    MEMBER: { description: 'A member.' },
  },
});

export const MembershipStatusEnum = { INVITED: 'INVITED', REQUESTED: 'REQUESTED', ACTIVE: 'ACTIVE', LEFT: 'LEFT', REMOVED: 'REMOVED' } as const;
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus', description: 'Where a membership stands; only ACTIVE gives rights.' });

export const SeniorTitleEnum = {
  RETIRED_CADRE: 'RETIRED_CADRE',
  VETERAN: 'VETERAN',
  RETIRED_TEACHER: 'RETIRED_TEACHER',
  MODEL_WORKER: 'MODEL_WORKER',
  RETIRED_POLICE: 'RETIRED_POLICE',
  OTHER: 'OTHER',
} as const;
registerEnumType(SeniorTitleEnum, { name: 'SeniorTitle', description: "Title of a member of a seniors' council (老干部, 老战士, 老教师, 老模范, 老政法)." });

export const VerificationStatusEnum = { PENDING: 'PENDING', VERIFIED: 'VERIFIED', REJECTED: 'REJECTED', INFO_REQUESTED: 'INFO_REQUESTED' } as const;
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: "Where an organisation's verification stands.",
  valuesMap: {
    PENDING: { description: 'Registered or resubmitted; awaits an official.' },
    VERIFIED: { description: 'An official verified it.' },
    REJECTED: { description: 'An official rejected it, with a reason; the organisation may correct its details and resubmit.' },
    INFO_REQUESTED: { description: 'An official asked for more information; the organisation answers by resubmitting.' },
  },
});

@ObjectType('Organization', { implements: () => [NodeInterface], description: 'An organisation taking part in civic work.' })
export class OrganizationObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Name.' })
  name: string;
  @Field(() => String, { nullable: true, description: 'The name in English, when it has one (shown to readers in English).' })
  nameEn: string | null;
  @Field(() => OrganizationKindEnum, { description: 'Kind.' })
  kind: string;
  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  description: string | null;
  @Field({ description: 'Whether an official has verified the organisation.' })
  verified: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was verified.' })
  verifiedAt: Date | null;
  @Field(() => VerificationStatusEnum, { description: 'Where its verification stands.' })
  verificationStatus: string;
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码), if the organisation gave one.' })
  registrationNumber: string | null;
  @Field({ description: 'When it was registered.' })
  createdAt: Date;
}

@ObjectType('Membership', { description: "A person's place in an organisation." })
export class MembershipObject {
  @Field(() => ID, { description: 'Id of the membership.' })
  id: string;
  @Field(() => MembershipRoleEnum, { description: 'Role in the organisation.' })
  role: string;
  @Field(() => MembershipStatusEnum, { description: 'Status; only ACTIVE gives rights.' })
  status: string;
  @Field(() => SeniorTitleEnum, { nullable: true, description: "Title, for members of a seniors' council." })
  seniorTitle: string | null;
}

export const MembershipConnection = ConnectionType(MembershipObject, 'Membership', 'membership');
export const OrganizationConnection = ConnectionType(OrganizationObject, 'Organization', 'organisation');

@InputType('CreateOrganizationInput', { description: 'Register an organisation; the creator becomes its OWNER.' })
export class CreateOrganizationInput {
  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, Limits.organizationNameMaxLength)
  name: string;
  @Field({ nullable: true, description: 'The name in English (optional).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string;
  @Field(() => OrganizationKindEnum, { description: 'Kind.' })
  @IsIn(Object.values(OrganizationKindEnum))
  kind: string;
  @Field(() => ID, { description: 'Region the organisation serves.' })
  @IsUUID()
  regionId: string;
  @Field({ nullable: true, description: 'What it does.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true, description: 'Unified social credit code (统一社会信用代码, 18 characters), if it has one.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationNumber?: string;
}

@InputType('OrganizationFilter', { description: 'Filters for the organisation directory.' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'Only organisations in this region subtree.' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
  @Field(() => OrganizationKindEnum, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsIn(Object.values(OrganizationKindEnum))
  kind?: string;
  @Field({ nullable: true, description: 'Only verified (true) or unverified (false) ones.' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
  @Field(() => [VerificationStatusEnum], { nullable: true, description: 'Only organisations whose verification stands in one of these states.' })
  @IsOptional()
  @IsIn(Object.values(VerificationStatusEnum), { each: true })
  verificationStatuses?: string[];
  @Field({ nullable: true, description: 'Words in the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  search?: string;
}

@ObjectType('OrganizationReview', { description: "An official's last word on an organisation's verification and the organisation's answer: for its members and the officials who judge it." })
export class OrganizationReviewObject {
  @Field(() => VerificationStatusEnum, { description: 'The state the official left it in (or PENDING again after a resubmission).' })
  status: string;
  @Field(() => String, { nullable: true, description: "The official's reason (REJECTED) or question (INFO_REQUESTED); null once resubmitted." })
  note: string | null;
  @Field(() => Date, { nullable: true, description: 'When an official last decided.' })
  reviewedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'What the organisation said when it last resubmitted.' })
  answer: string | null;
}

@ObjectType('OrganizationContact', { description: "The owner of an organisation, with their full phone: for the officials who judge it (each read audited)." })
export class OrganizationContactObject {
  @Field(() => ID, { description: "The owner's id." })
  userId: string;
  @Field({ description: "The owner's display name." })
  displayName: string;
  @Field(() => String, { nullable: true, description: "The owner's mobile number, in full." })
  phone: string | null;
}

@InputType('RejectOrganizationInput', { description: 'Reject an organisation, saying why.' })
export class RejectOrganizationInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'Why (1–500 characters); the owner reads it.' })
  @IsString()
  @MaxLength(500)
  reason: string;
}

@InputType('RequestOrganizationInfoInput', { description: 'Ask an organisation for more information before deciding.' })
export class RequestOrganizationInfoInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'What is missing (1–500 characters); the owner reads it.' })
  @IsString()
  @MaxLength(500)
  message: string;
}

@InputType('UpdateOrganizationInput', { description: "Change an organisation's details; fields left out stay as they are." })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId: string;
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @IsString()
  @Length(1, Limits.organizationNameMaxLength)
  name?: string;
  @Field({ nullable: true, description: 'The name in English; blank clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string;
  @Field({ nullable: true, description: 'What it does; blank clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true, description: 'Unified social credit code (统一社会信用代码, 18 characters); blank clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationNumber?: string;
}

@InputType('ResubmitOrganizationInput', { description: 'Send a rejected organisation, or one asked for more information, back to the officials.' })
export class ResubmitOrganizationInput extends UpdateOrganizationInput {
  @Field({ nullable: true, description: "The answer to the official's question or reason (up to 500 characters)." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  answer?: string;
}
