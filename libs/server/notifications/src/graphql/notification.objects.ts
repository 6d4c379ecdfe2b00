import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';
import { CHANNELS } from '../notification-kinds';

export const NotificationChannelEnum = { IN_APP: 'IN_APP', SMS: 'SMS', EMAIL: 'EMAIL' } as const;
registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'Where a notification reaches a person.',
  valuesMap: { IN_APP: { description: 'The inbox in the portal (and its bell).' }, SMS: { description: 'A text message to the phone.' }, EMAIL: { description: 'An e-mail, if the person gave an address.' } },
});

@ObjectType('Notification', { implements: () => [NodeInterface], description: 'Something a person was told, in their inbox.' })
export class NotificationObject {
  @Field(() => ID, { description: 'Id of the notification.' })
  id: string;
  @Field({ description: 'What it is about, e.g. CLAIM_PROMOTED, SHIFT_REMINDER, SHIFT_CHANGED, INVITATION_RECEIVED, SERVICE_VERIFIED.' })
  kind: string;
  @Field({ description: "Headline, in the viewer's language." })
  title: string;
  @Field({ description: "Text, in the viewer's language." })
  body: string;
  @Field(() => String, { nullable: true, description: 'Where in the portal it leads, e.g. /my-shifts.' })
  link: string | null;
  @Field({ description: 'When it was sent.' })
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the person read it; null while unread.' })
  readAt: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationObject, 'Notification', 'notification');

@ObjectType('NotificationPreference', { description: 'The channels a person wants for one kind of notification.' })
export class NotificationPreferenceObject {
  @Field({ description: 'The kind, e.g. SHIFT_REMINDER.' })
  kind: string;
  @Field(() => [NotificationChannelEnum], { description: 'Channels; empty for none.' })
  channels: string[];
}

@ObjectType('NotificationSettings', { description: "A person's notification preferences." })
export class NotificationSettingsObject {
  @Field(() => [NotificationPreferenceObject], { description: 'One entry per kind (defaults where none was chosen).' })
  preferences: NotificationPreferenceObject[];
  @Field(() => Int, { description: 'Start of the quiet hours for SMS, minutes from midnight (Asia/Shanghai); urgent notifications ignore them.' })
  quietHoursStart: number;
  @Field(() => Int, { description: 'End of the quiet hours, minutes from midnight.' })
  quietHoursEnd: number;
}

@InputType('NotificationPreferenceInput', { description: 'The channels for one kind.' })
export class NotificationPreferenceInput {
  @Field({ description: 'The kind, e.g. SHIFT_REMINDER.' })
  @IsString()
  @Length(1, 60)
  kind: string;
  @Field(() => [NotificationChannelEnum], { description: 'Channels; empty for none.' })
  @ArrayMaxSize(3)
  @IsIn(CHANNELS, { each: true })
  channels: string[];
}

@InputType('UpdateNotificationSettingsInput', { description: 'Change notification preferences; omitted parts stay.' })
export class UpdateNotificationSettingsInput {
  @Field(() => [NotificationPreferenceInput], { nullable: true, description: 'Preferences to set.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  preferences?: NotificationPreferenceInput[];
  @Field(() => Int, { nullable: true, description: 'Start of quiet hours, minutes from local midnight (0–1439).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1439)
  quietHoursStart?: number;
  @Field(() => Int, { nullable: true, description: 'End of quiet hours, minutes from local midnight (0–1439); equal to the start for none.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1439)
  quietHoursEnd?: number;
}

@InputType('MarkNotificationsReadInput', { description: 'Which notifications to mark read: some, or all.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];
  @Field({ nullable: true, description: 'All of mine.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
