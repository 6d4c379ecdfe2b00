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

/**
 * Incentives: one double-entry ledger for points and time credits, street offices'
 * budgets and officials' incentives, rewards at alliance merchants, honours, star levels
 * and service-record certificates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([LedgerAccountEntity, LedgerTransferEntity, LedgerEntryEntity, BudgetSettingsEntity, IncentiveEntity]),
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
  ],
  exports: [LedgerService, IdempotencyService],
})
export class IncentivesModule {}
