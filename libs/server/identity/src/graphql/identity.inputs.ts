import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { AvailabilityWindowInput } from './user.object';
import { Limits, LOCALES } from '@civicgrid/contracts';

@InputType('ConsentInput', { description: 'What a resident agrees to when signing up.' })
export class ConsentInput {
  @Field({ description: 'The version of the privacy notice shown and accepted (Query.privacyNotice.version).' })
  @IsString()
  @MaxLength(40)
  privacyNoticeVersion: string;
  @Field({ description: 'The terms of use are accepted (must be true).' })
  @IsBoolean()
  termsAccepted: boolean;
  @Field({ nullable: true, description: 'Optional: we may send SMS about volunteering near me (default false).' })
  @IsOptional()
  @IsBoolean()
  contactBySms?: boolean;
}

@InputType('RegisterInput', { description: 'Sign up with a mainland mobile number and a password.' })
export class RegisterInput {
  @Field({ description: 'Mainland China mobile number, e.g. 13812345678 or +86 138 1234 5678.' })
  @IsString()
  phone: string;
  @Field({ description: `At least ${Limits.passwordMinLength} characters.` })
  @IsString()
  password: string;
  @Field({ description: 'Name shown to others.' })
  @IsString()
  @Length(1, Limits.displayNameMaxLength)
  displayName: string;
  @Field(() => ID, { nullable: true, description: 'Home region (normally a grid).' })
  @IsOptional()
  @IsUUID()
  homeRegionId?: string;
  @Field({ nullable: true, description: 'zh-CN (default), zh-TW or en.' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;
  @Field(() => ConsentInput, { nullable: true, description: 'The consent given with the privacy notice: required (BAD_USER_INPUT on consent when missing).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent?: ConsentInput;
}

@InputType('LoginInput', { description: 'Sign in.' })
export class LoginInput {
  @Field({ description: 'The mobile number signed up with.' })
  @IsString()
  @MaxLength(40)
  phone: string;
  @Field({ description: 'The password.' })
  @IsString()
  @MaxLength(Limits.passwordMaxLength)
  password: string;
  @Field({ nullable: true, description: 'The device token an earlier sign-in on this device returned (AuthPayload.deviceToken).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deviceToken?: string;
}

@InputType('RefreshSessionInput', { description: 'Renew a sign-in.' })
export class RefreshSessionInput {
  @Field({ description: 'The refresh token of the last AuthPayload.' })
  @IsString()
  @MaxLength(100)
  refreshToken: string;
}

@InputType('LogoutInput', { description: 'Sign out.' })
export class LogoutInput {
  @Field({ nullable: true, description: 'End every session of mine on every device (default: only this one).' })
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}

@InputType('ChangePasswordInput', { description: 'Change my password; my other sessions end.' })
export class ChangePasswordInput {
  @Field({ description: 'The password now.' })
  @IsString()
  @MaxLength(Limits.passwordMaxLength)
  currentPassword: string;
  @Field({ description: `The new password, at least ${Limits.passwordMinLength} characters.` })
  @IsString()
  newPassword: string;
}

@InputType('RequestPasswordResetInput', { description: 'Ask for a code by SMS to set a new password.' })
export class RequestPasswordResetInput {
  @Field({ description: 'The mobile number signed up with.' })
  @IsString()
  @MaxLength(40)
  phone: string;
}

@InputType('ResetPasswordInput', { description: 'Set a new password with the code sent by SMS.' })
export class ResetPasswordInput {
  @Field({ description: 'The mobile number signed up with.' })
  @IsString()
  @MaxLength(40)
  phone: string;
  @Field({ description: 'The 6-digit code from the SMS.' })
  @IsString()
  @MaxLength(12)
  code: string;
  @Field({ description: `The new password, at least ${Limits.passwordMinLength} characters.` })
  @IsString()
  newPassword: string;
}

@InputType('UpdateProfileInput', { description: 'Change one\'s own profile; omitted fields stay as they are.' })
export class UpdateProfileInput {
  @Field({ nullable: true, description: 'Name shown to others.' })
  @IsOptional()
  @IsString()
  @Length(1, Limits.displayNameMaxLength)
  displayName?: string;
  @Field(() => [String], { nullable: true, description: 'Skills offered, e.g. FIRST_AID, COOKING.' })
  @IsOptional()
  @ArrayMaxSize(Limits.skillsMax)
  @IsString({ each: true })
  @Length(1, Limits.skillMaxLength, { each: true })
  skills?: string[];
  @Field(() => [String], { nullable: true, description: 'Languages spoken.' })
  @IsOptional()
  @ArrayMaxSize(Limits.languagesMax)
  @IsString({ each: true })
  @Length(1, Limits.skillMaxLength, { each: true })
  languages?: string[];
  @Field({ nullable: true, description: 'Use elder mode.' })
  @IsOptional()
  @IsBoolean()
  elderMode?: boolean;
  @Field({ nullable: true, description: 'zh-CN, zh-TW or en.' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;
  @Field(() => ID, { nullable: true, description: 'Home region (normally a grid).' })
  @IsOptional()
  @IsUUID()
  homeRegionId?: string;
  @Field(() => [AvailabilityWindowInput], { nullable: true, description: 'Weekly windows when I am free (replaces the old ones).' })
  @IsOptional()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowInput)
  availability?: AvailabilityWindowInput[];
  @Field({ nullable: true, description: 'Where e-mail notifications go; an empty string removes it. Shown to me and my proxies only.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
  @Field({ nullable: true, description: 'Birth date, YYYY-MM-DD (for tasks with a minimum age; shown to me and my proxies only).' })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;
}

@InputType('GrantProxyInput', { description: 'Let another person act for the signed-in user, recording the consent.' })
export class GrantProxyInput {
  @Field(() => ID, { description: 'Who may act for me.' })
  @IsUUID()
  proxyUserId: string;
  @Field({ description: 'The consent as given, e.g. "Agreed in person at the community office on 3 March".' })
  @IsString()
  @MinLength(Limits.consentNoteMinLength)
  @MaxLength(Limits.consentNoteMaxLength)
  consentNote: string;
}

@InputType('AddDependantInput', { description: "Sign up a minor under the signed-in guardian's account (they have no phone and never sign in)." })
export class AddDependantInput {
  @Field({ description: 'Their name, as the organisers should call them.' })
  @IsString()
  @Length(1, Limits.displayNameMaxLength)
  displayName: string;
  @Field({ description: 'Birth date, YYYY-MM-DD: tasks with a minimum age read it.' })
  @IsDateString({ strict: true })
  birthDate: string;
}

@InputType('RevokeProxyInput', { description: 'Withdraw a consent given earlier.' })
export class RevokeProxyInput {
  @Field(() => ID, { description: 'The person who should no longer act for me.' })
  @IsUUID()
  proxyUserId: string;
}

@InputType('AssignOfficialInput', { description: 'Give a person an official post over a region subtree (administrators only).' })
export class AssignOfficialInput {
  @Field(() => ID, { description: 'The person.' })
  @IsUUID()
  userId: string;
  @Field(() => ID, { description: 'The region the post covers, with everything below it.' })
  @IsUUID()
  regionId: string;
  @Field({ description: 'Title, e.g. 街道办副主任.' })
  @IsString()
  @Length(1, 80)
  title: string;
}

@InputType('GridLeaderInput', { description: 'A grid and a person: to appoint them its grid leader, or to end that.' })
export class GridLeaderInput {
  @Field(() => ID, { description: 'The grid (a region of level GRID).' })
  @IsUUID()
  regionId: string;
  @Field(() => ID, { description: 'The person (find them by phone with userByPhone).' })
  @IsUUID()
  userId: string;
}
