export { IncentivesModule } from './incentives.module';
export { LedgerService } from './ledger/ledger.service';
export type { AccountRef, Posted, TransferRequest } from './ledger/ledger.service';
export { IdempotencyService } from './ledger/idempotency.service';
export type { Currency, TransferKind } from './ledger/ledger.entities';
export { LEDGER_KINDS, TRIAL_BALANCE_JOB } from './ledger/ledger.notifier';
export { LedgerNotifier } from './ledger/ledger.notifier';
export { WalletService } from './ledger/wallet.service';
export { BudgetsService } from './budgets/budgets.service';
