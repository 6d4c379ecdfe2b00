import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { NodeInterface } from '@civicgrid/platform';

export const RoleEnum = { RESIDENT: 'RESIDENT', OFFICIAL: 'OFFICIAL', ADMIN: 'ADMIN', DEPARTMENT_STAFF: 'DEPARTMENT_STAFF' } as const;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Global role of a person; roles inside an organisation are on Membership.',
  valuesMap: {
    RESIDENT: { description: 'A resident or volunteer.' },
    OFFICIAL: { description: 'Staff of a street office or the district, acting on a region subtree.' },
    ADMIN: { description: 'Operates the installation.' },
    DEPARTMENT_STAFF: { description: 'Staff of a government department.' },
  },
});

@ObjectType('User', { implements: () => [NodeInterface], description: 'A person with an account.' })
export class UserObject {
  @Field(() => ID, { description: 'Stable id of the person.' })
  id: string;
  @Field({ description: 'Name shown to others.' })
  displayName: string;
  @Field(() => RoleEnum, { description: 'Global role.' })
  role: string;
  @Field(() => [String], { description: 'Skills the person offers, e.g. FIRST_AID.' })
  skills: string[];
  // Personal details (languages, elder mode, locale, home region, availability, birth
  // date, attendance) are resolved by volunteering's UserDetailsResolver, where the
  // facts behind who may see them (claims) are known.
}

@ObjectType('AuthPayload', { description: 'The result of signing up or in, or of renewing a sign-in.' })
export class AuthPayloadObject {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`. Lives minutes (see accessTokenExpiresAt); renew it with refreshSession.' })
  accessToken: string;
  @Field({ description: 'When the access token stops working.' })
  accessTokenExpiresAt: Date;
  @Field({ description: 'Trade it once for a new pair with refreshSession (each refresh token works once; a second use ends the session). Keep it secret.' })
  refreshToken: string;
  @Field(() => String, {
    nullable: true,
    description: 'Set when this device had no device token: send it as LoginInput.deviceToken on later sign-ins, so failed guesses by others cannot lock this device out.',
  })
  deviceToken?: string | null;
  @Field(() => UserObject, { description: 'The signed-in person.' })
  user: unknown;
}

@ObjectType('ProxyGrant', { description: "A resident's recorded consent that another person may act for them (代办)." })
export class ProxyGrantObject {
  @Field(() => ID, { description: 'Id of the grant.' })
  id: string;
  @Field(() => UserObject, { description: 'The resident who consented.' })
  resident: unknown;
  @Field(() => UserObject, { description: 'The person who may act for the resident.' })
  proxy: unknown;
  @Field({ description: 'The consent as recorded: how and when it was given.' })
  consentNote: string;
  @Field({ description: 'When the consent was given.' })
  grantedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the consent was withdrawn, if it was.' })
  revokedAt: Date | null;
}

@ObjectType('AvailabilityWindow', { description: 'A weekly window when a volunteer is free, in local time (Asia/Shanghai).' })
export class AvailabilityWindowObject {
  @Field(() => Int, { description: '0 = Monday … 6 = Sunday.' })
  weekday: number;
  @Field(() => Int, { description: 'Start, in minutes from local midnight.' })
  startMinute: number;
  @Field(() => Int, { description: 'End, in minutes from local midnight (exclusive, up to 1440).' })
  endMinute: number;
}

@InputType('AvailabilityWindowInput', { description: 'A weekly window when I am free, in local time.' })
export class AvailabilityWindowInput {
  @Field(() => Int, { description: '0 = Monday … 6 = Sunday.' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday: number;
  @Field(() => Int, { description: 'Start, minutes from local midnight (0–1439).' })
  @IsInt()
  @Min(0)
  @Max(1439)
  startMinute: number;
  @Field(() => Int, { description: 'End, minutes from local midnight (1–1440), after the start.' })
  @IsInt()
  @Min(1)
  @Max(1440)
  endMinute: number;
}

@ObjectType('PrivacyNotice', { description: 'The privacy notice residents accept at sign-up (its words are shown by the clients in each language).' })
export class PrivacyNoticeObject {
  @Field({ description: 'Its version: send it as ConsentInput.privacyNoticeVersion.' })
  version: string;
  @Field({ description: 'When this version took effect.' })
  publishedAt: Date;
}

@ObjectType('ConsentRecord', { description: 'What a person agreed to, and when (visible to the person only).' })
export class ConsentRecordObject {
  @Field(() => ID, { description: 'Id of the record.' })
  id: string;
  @Field({ description: 'The privacy notice version accepted.' })
  privacyNoticeVersion: string;
  @Field({ description: 'The terms of use were accepted.' })
  termsAccepted: boolean;
  @Field({ description: 'May be sent SMS about volunteering nearby.' })
  contactBySms: boolean;
  @Field({ description: 'When it was recorded.' })
  recordedAt: Date;
}
