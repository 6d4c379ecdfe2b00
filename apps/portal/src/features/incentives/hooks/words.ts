/** The codes the incentive pages put in words (each has a key in every locale; see __tests__/words.spec.ts). */
export const TRANSFER_KINDS = ['SERVICE_EARNING', 'TIME_CREDIT_EARNING', 'BUDGET_ALLOCATION', 'INCENTIVE', 'REDEMPTION_HOLD', 'REDEMPTION_SETTLED', 'REDEMPTION_RELEASED', 'TIME_CREDIT_DONATION', 'REVERSAL'] as const;
export const REWARD_STATUSES = ['ACTIVE', 'PAUSED', 'EXPIRED', 'SOLD_OUT'] as const;
export const REDEMPTION_STATUSES = ['HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED'] as const;
export const CURRENCIES = ['POINTS', 'TIME_CREDITS'] as const;
/** The API's refusals the counter and the wallet name in their own words. */
export const INCENTIVE_ERROR_KEYS = ['redemption.codeUnknown', 'redemption.alreadyConfirmed', 'redemption.expired', 'redemption.cancelled', 'redemption.otherMerchant', 'ledger.insufficientBalance', 'idempotency.keyReused'] as const;
