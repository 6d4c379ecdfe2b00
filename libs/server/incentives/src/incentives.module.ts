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
import { OrganizationSealEntity, ServiceCertificateEntity } from './certificates/certificate.entity';
import { CertificatePdfController } from './certificates/certificate-pdf.controller';
import { CertificatesNotifier } from './certificates/certificates.notifier';
import { CertificatesResolver, OrganizationSealResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { HonourEntity, StarLevelReachedEntity } from './honours/honour.entity';
import { HonoursNotifier } from './honours/honours.notifier';
import { HonoursResolver, UserHonoursResolver } from './honours/honours.resolver';
import { HonoursService } from './honours/honours.service';
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
    TypeOrmModule.forFeature([
      LedgerAccountEntity,
      LedgerTransferEntity,
      LedgerEntryEntity,
      BudgetSettingsEntity,
      IncentiveEntity,
      HonourEntity,
      StarLevelReachedEntity,
      ServiceCertificateEntity,
      OrganizationSealEntity,
      RewardEntity,
      RedemptionEntity,
    ]),
    GeoModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
    VolunteeringModule,
  ],
  controllers: [CertificatePdfController],
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
    HonoursService,
    HonoursNotifier,
    HonoursResolver,
    UserHonoursResolver,
    CertificatesService,
    CertificatesNotifier,
    CertificatesResolver,
    OrganizationSealResolver,
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
  exports: [LedgerService, IdempotencyService, HonoursService, CertificatesService],
})
export class IncentivesModule {}
