import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, SignedIn } from '@civicgrid/platform';
import { KioskAttendanceInput, KioskEntryObject } from './graphql/kiosk.objects';
import { KioskService } from './kiosk.service';

/** The check-in kiosk on site: a shared tablet unlocked by a coordinator's session. */
@Resolver(() => KioskEntryObject)
export class KioskResolver {
  constructor(private readonly kiosk: KioskService) {}

  @SignedIn()
  @Allow('claim.checkInWithoutCode')
  @Query(() => [KioskEntryObject], {
    description:
      "The shift's volunteers holding a place whose phone ends with these 4 digits, masked for a shared screen (the organisation's COORDINATOR or above; at most 20; limited per coordinator, RATE_LIMITED).",
  })
  kioskExpected(@Ctx() ctx: RequestContext, @Args('shiftId', { type: () => ID }) shiftId: string, @Args('phoneLast4') phoneLast4: string) {
    return this.kiosk.expected(ctx, shiftId, phoneLast4);
  }

  @SignedIn()
  @Allow('claim.checkInWithoutCode')
  @Mutation(() => KioskEntryObject, { description: 'Check in the volunteer who picked themselves at the kiosk, as its coordinator (no code needed); audited.' })
  kioskCheckIn(@Ctx() ctx: RequestContext, @Args('input') input: KioskAttendanceInput) {
    return this.kiosk.checkIn(ctx, input);
  }

  @SignedIn()
  @Allow('claim.checkInWithoutCode')
  @Mutation(() => KioskEntryObject, { description: 'Check out the volunteer who picked themselves at the kiosk, as its coordinator; records the minutes for verification; audited.' })
  kioskCheckOut(@Ctx() ctx: RequestContext, @Args('input') input: KioskAttendanceInput) {
    return this.kiosk.checkOut(ctx, input);
  }
}
