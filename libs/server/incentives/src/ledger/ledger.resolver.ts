import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { UserObject } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { CurrencyEnum, DonateTimeCreditsInput, LedgerEntryConnection, LedgerEntryObject, ReverseTransferInput, TransferKindEnum, TrialBalanceObject } from '../graphql/ledger.objects';
import { LedgerNotifier } from './ledger.notifier';
import { Currency, LedgerEntryEntity } from './ledger.entities';
import { WalletService } from './wallet.service';

@Resolver(() => LedgerEntryObject)
export class LedgerEntryResolver {
  constructor(
    private readonly wallet: WalletService,
    private readonly notifier: LedgerNotifier,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => LedgerEntryConnection, { description: "The signed-in person's ledger entries, newest first; both currencies unless one is named." })
  pointsHistory(
    @Ctx() ctx: RequestContext,
    @Args('currency', { type: () => CurrencyEnum, nullable: true }) currency?: Currency,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.wallet.myHistory(ctx, currency, { first, after });
  }

  @SignedIn()
  @Allow('ledger.reverse')
  @Query(() => LedgerEntryConnection, { description: "A person's ledger entries, for an administrator finding a transfer to correct (audited)." })
  userLedger(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('currency', { type: () => CurrencyEnum, nullable: true }) currency?: Currency,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.wallet.historyOf(ctx, userId, currency, { first, after });
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => LedgerEntryObject, { description: "Give time credits to a resident aged 60 or over, or to one who made you their proxy. Returns the donor's entry." })
  donateTimeCredits(@Ctx() ctx: RequestContext, @Args('input') input: DonateTimeCreditsInput) {
    return this.wallet.donate(ctx, input);
  }

  @SignedIn()
  @Allow('ledger.reverse')
  @Mutation(() => LedgerEntryObject, { description: 'Undo an earlier transfer by a REVERSAL (administrators, with a reason, audited); a transfer is reversed at most once.' })
  reverseTransfer(@Ctx() ctx: RequestContext, @Args('input') input: ReverseTransferInput) {
    return this.wallet.reverse(ctx, input);
  }

  @SignedIn()
  @Allow('ledger.reverse')
  @Query(() => TrialBalanceObject, { nullable: true, description: 'The last trial balance of the ledger (administrators); null before the first.' })
  lastTrialBalance(@Ctx() ctx: RequestContext) {
    return this.notifier.lastTrialBalance(ctx);
  }

  @SignedIn()
  @Allow('ledger.reverse')
  @Mutation(() => TrialBalanceObject, { description: 'Check the ledger now (administrators): every transfer sums to zero and every balance equals its entries.' })
  checkLedger(@Ctx() ctx: RequestContext) {
    return this.notifier.checkNow(ctx);
  }

  @ResolveField(() => CurrencyEnum, { description: 'Points or time credits.' })
  currency(e: LedgerEntryEntity) {
    return e.transfer.currency;
  }

  @ResolveField(() => TransferKindEnum, { description: 'Why value moved.' })
  kind(e: LedgerEntryEntity) {
    return e.transfer.kind;
  }

  @ResolveField(() => String, { nullable: true, description: 'A note (the reason of an incentive or reversal, the note of a donation, the task served).' })
  memo(e: LedgerEntryEntity) {
    return e.transfer.memo;
  }

  @ResolveField(() => String, { nullable: true, description: 'Who was on the other side: an organisation, or a person (masked unless it is the viewer); null for the platform itself.' })
  counterparty(e: LedgerEntryEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.wallet.counterparty(ctx, e);
  }

  @ResolveField(() => Boolean, { description: 'Whether this transfer has been undone by a REVERSAL.' })
  reversed(e: LedgerEntryEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.wallet.isReversed(ctx, e);
  }
}

@Resolver(() => UserObject)
export class UserBalanceResolver {
  constructor(private readonly wallet: WalletService) {}

  @ResolveField(() => Int, { nullable: true, description: 'Points held; null unless the viewer is the person, their proxy, an official over their home or an administrator.' })
  pointsBalance(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.wallet.balance(ctx, user, 'POINTS');
  }

  @ResolveField(() => Int, { nullable: true, description: 'Time credits held, in minutes; same visibility as pointsBalance.' })
  timeCreditMinutes(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.wallet.balance(ctx, user, 'TIME_CREDITS');
  }
}
