import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches } from 'class-validator';
import { Limits } from '@civicgrid/contracts';
import { ClaimStatusEnum } from './volunteering.objects';

const DIGITS = new RegExp(`^\\d{${Limits.kioskPhoneDigits}}$`);

@ObjectType('KioskEntry', { description: 'A volunteer expected on a shift, as the check-in kiosk on site shows them: masked, since the screen is shared.' })
export class KioskEntryObject {
  @Field(() => ID, { description: 'The claim.' })
  claimId: string;
  @Field({ description: 'The display name, masked (王*明).' })
  name: string;
  @Field({ description: `The phone, all but its last ${Limits.kioskPhoneDigits} digits hidden (*******5678).` })
  phone: string;
  @Field(() => ClaimStatusEnum, { description: 'Where the claim stands: CONFIRMED (to check in), CHECKED_IN (to check out) or ATTENDED.' })
  status: string;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked in.' })
  checkInAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked out.' })
  checkOutAt: Date | null;
}

@InputType('KioskAttendanceInput', { description: 'Check a volunteer in or out at the kiosk, as the coordinator who unlocked it.' })
export class KioskAttendanceInput {
  @Field(() => ID, { description: "The kiosk's shift." })
  @IsUUID()
  shiftId: string;
  @Field(() => ID, { description: 'The claim the volunteer picked.' })
  @IsUUID()
  claimId: string;
  @Field({ description: `The last ${Limits.kioskPhoneDigits} digits of the volunteer's phone, as they typed them.` })
  @IsString()
  @Matches(DIGITS, { message: `phoneLast4 must be ${Limits.kioskPhoneDigits} digits` })
  phoneLast4: string;
}
