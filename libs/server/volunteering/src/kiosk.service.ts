import { Injectable } from '@nestjs/common';
import { Limits } from '@civicgrid/contracts';
import { UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { AuditService, authorize, InvalidInputError, Limit, minutesFrom, NotFoundError, RateLimiter, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import { ShiftClaimEntity } from './shift-claim.entity';
import { TasksService } from './tasks.service';

/**
 * Look-ups at one coordinator's kiosk: generous for a busy morning (a few hundred
 * arrivals), far too few to walk the ten thousand four-digit endings of a shift's list.
 */
export const KIOSK_LIMIT: Limit = {
  name: 'kiosk.lookup',
  points: 300,
  windowSeconds: 3600,
  errorKey: 'kiosk.tooManyLookups',
  message: (s) => `Too many look-ups at this kiosk; try again in ${minutesFrom(s)} minutes or ask the coordinator`,
};

/** At most this many volunteers share the last digits on one shift's list, as the kiosk shows them. */
const KIOSK_MATCHES_MAX = 20;

/** A name as a shared screen shows it: first and last character, stars between (王*明, 李*, J**n). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}

export interface KioskEntry {
  claimId: string;
  name: string;
  phone: string;
  status: string;
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

/** A kiosk line: the name masked, and of the phone only the digits that were typed (a minor's are their guardian's). */
function entryOf(claim: ShiftClaimEntity, user: Pick<User, 'displayName'>, digits: string): KioskEntry {
  return {
    claimId: claim.id,
    name: maskName(user.displayName),
    phone: `${'*'.repeat(11 - digits.length)}${digits}`,
    status: claim.status,
    checkInAt: claim.checkInAt,
    checkOutAt: claim.checkOutAt,
  };
}

/**
 * The check-in kiosk: a shared tablet on site, unlocked by a coordinator's session. A
 * volunteer types the last digits of their phone, picks themselves from the masked
 * matches among the shift's expected volunteers, and is checked in or out on the
 * coordinator's right to check people in without the code. Every kiosk check-in and
 * check-out is audited as the coordinator's, made at the kiosk.
 */
@Injectable()
export class KioskService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  private checkDigits(digits: string): string {
    const d = (digits ?? '').trim();
    if (!new RegExp(`^\\d{${Limits.kioskPhoneDigits}}$`).test(d)) {
      throw new InvalidInputError('phoneLast4', 'kiosk.phoneDigits', `Type the last ${Limits.kioskPhoneDigits} digits of your phone`);
    }
    return d;
  }

  /** The shift, for a coordinator of its organisation (anyone else: FORBIDDEN), with a look-up spent. */
  private async openShift(ctx: RequestContext, shiftId: string): Promise<void> {
    const actor = await ctx.requireActor();
    const shift = await this.tasks.loadShift(ctx, shiftId);
    const task = shift && (await this.tasks.loadTask(ctx, shift.taskId));
    if (!shift || !task) throw new NotFoundError('Shift', 'shiftId');
    authorize(actor, 'claim.checkInWithoutCode', { organizationId: task.organizationId });
    await this.limiter.take(ctx, KIOSK_LIMIT, actor.userId);
  }

  /** The shift's volunteers holding a place whose phone ends with these digits, in arrival order. */
  async expected(ctx: RequestContext, shiftId: string, phoneLast4: string): Promise<KioskEntry[]> {
    const digits = this.checkDigits(phoneLast4);
    await this.openShift(ctx, shiftId);
    const claims = await this.tx
      .manager(ctx)
      .getRepository(ShiftClaimEntity)
      .createQueryBuilder('c')
      .where('c.shift_id = :shiftId AND claim_holds_place(c.status)', { shiftId })
      .orderBy('c.seq')
      .getMany();
    const people = new Map((await this.users.withPhoneEnding(ctx, claims.map((c) => c.volunteerId), digits)).map((u) => [u.id, u]));
    return claims
      .filter((c) => people.has(c.volunteerId))
      .slice(0, KIOSK_MATCHES_MAX)
      .map((c) => entryOf(c, people.get(c.volunteerId)!, digits));
  }

  /** The claim picked at the kiosk: of this shift, and of the person whose digits were typed. */
  private async picked(ctx: RequestContext, shiftId: string, claimId: string, phoneLast4: string): Promise<User> {
    const digits = this.checkDigits(phoneLast4);
    await this.openShift(ctx, shiftId);
    const claim = await this.claims.load(ctx, claimId);
    if (!claim || claim.shiftId !== shiftId) throw new NotFoundError('Claim', 'claimId');
    const user = await this.users.require(ctx, claim.volunteerId);
    if (!(await this.users.withPhoneEnding(ctx, [user.id], digits)).length) throw new InvalidInputError('phoneLast4', 'kiosk.phoneMismatch', "Those digits are not this volunteer's");
    return user;
  }

  async checkIn(ctx: RequestContext, input: { shiftId: string; claimId: string; phoneLast4: string }): Promise<KioskEntry> {
    return this.tx.run(ctx, async (t) => {
      const user = await this.picked(t, input.shiftId, input.claimId, input.phoneLast4);
      const claim = await this.claims.checkIn(t, input.claimId);
      await this.audit.record(t, { action: 'kiosk.checkIn', subjectType: 'shift_claim', subjectId: claim.id, detail: { shiftId: input.shiftId, volunteerId: claim.volunteerId } });
      return entryOf(claim, user, input.phoneLast4.trim());
    });
  }

  async checkOut(ctx: RequestContext, input: { shiftId: string; claimId: string; phoneLast4: string }): Promise<KioskEntry> {
    return this.tx.run(ctx, async (t) => {
      const user = await this.picked(t, input.shiftId, input.claimId, input.phoneLast4);
      const claim = await this.claims.checkOut(t, input.claimId, { atKiosk: true });
      await this.audit.record(t, { action: 'kiosk.checkOut', subjectType: 'shift_claim', subjectId: claim.id, detail: { shiftId: input.shiftId, volunteerId: claim.volunteerId } });
      return entryOf(claim, user, input.phoneLast4.trim());
    });
  }
}
