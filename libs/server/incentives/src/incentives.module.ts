import { Module } from '@nestjs/common';

/**
 * Incentives: one double-entry ledger for points and time credits, street offices'
 * budgets and officials' incentives, rewards at alliance merchants, honours, star levels
 * and service-record certificates.
 */
@Module({
  imports: [],
  providers: [],
  exports: [],
})
export class IncentivesModule {}
