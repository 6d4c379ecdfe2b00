import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { BudgetSettingsService } from './budgets/budget-settings.service';
import { BudgetSettingsEntity, IncentiveEntity } from './budgets/budget.entities';
import { BudgetResolver, IncentiveResolver } from './budgets/budgets.resolver';
import { BudgetsService } from './budgets/budgets.service';
import { IdempotencyService } from './ledger/idempotency.service';
import { LedgerAccountEntity, LedgerEntryEntity, LedgerTransferEntity } from './ledger/ledger.entities';
import { LedgerNotifier } from './ledger/ledger.notifier';
import { LedgerEntryResolver, UserBalanceResolver } from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { WalletService } from './ledger/wallet.service';
import { RedemptionsService } from './rewards/redemptions.service';
import { RedemptionEntity, RewardEntity } from './rewards/reward.entities';
import { RewardsNotifier } from './rewards/rewards.notifier';
import { AllianceSettlementResolver, RedemptionResolver, RewardResolver, SettlementLineResolver, SettlementResolver } from './rewards/rewards.resolver';
import { RewardsService } from './rewards/rewards.service';
import { SettlementService } from './rewards/settlement.service';

/**
 * Incentives: one double-entry ledger for points and time credits, street offices'
 * budgets and officials' incentives, rewards at alliance merchants, honours, star levels
 * and service-record certificates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([LedgerAccountEntity, LedgerTransferEntity, LedgerEntryEntity, BudgetSettingsEntity, IncentiveEntity, RewardEntity, RedemptionEntity]),
    GeoModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
    VolunteeringModule,
  ],
  providers: [
    LedgerService,
    IdempotencyService,
    WalletService,
    BudgetSettingsService,
    BudgetsService,
    LedgerNotifier,
    LedgerEntryResolver,
    UserBalanceResolver,
    BudgetResolver,
    IncentiveResolver,
    RewardsService,
    RedemptionsService,
    SettlementService,
    RewardsNotifier,
    RewardResolver,
    RedemptionResolver,
    SettlementResolver,
    SettlementLineResolver,
    AllianceSettlementResolver,
  ],
  exports: [LedgerService, IdempotencyService],
})
export class IncentivesModule {}
