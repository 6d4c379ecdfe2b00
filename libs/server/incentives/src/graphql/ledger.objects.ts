import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

export const CurrencyEnum = { POINTS: 'POINTS', TIME_CREDITS: 'TIME_CREDITS' } as const;
registerEnumType(CurrencyEnum, {
  name: 'Currency',
  description: 'What an account counts.',
  valuesMap: { POINTS: { description: 'Points: earned by verified service, given as incentives, spent on rewards.' }, TIME_CREDITS: { description: 'Time credits, in minutes: earned by verified service, given to elders.' } },
});

export const TransferKindEnum = {
  SERVICE_EARNING: 'SERVICE_EARNING',
  TIME_CREDIT_EARNING: 'TIME_CREDIT_EARNING',
  BUDGET_ALLOCATION: 'BUDGET_ALLOCATION',
  INCENTIVE: 'INCENTIVE',
  REDEMPTION_HOLD: 'REDEMPTION_HOLD',
  REDEMPTION_SETTLED: 'REDEMPTION_SETTLED',
  REDEMPTION_RELEASED: 'REDEMPTION_RELEASED',
  TIME_CREDIT_DONATION: 'TIME_CREDIT_DONATION',
  REVERSAL: 'REVERSAL',
} as const;
registerEnumType(TransferKindEnum, {
  name: 'TransferKind',
  description: 'Why value moved.',
  valuesMap: {
    SERVICE_EARNING: { description: 'Points for verified (checked-in) service minutes, once per service record.' },
    TIME_CREDIT_EARNING: { description: 'Time credits for verified (checked-in) service minutes, once per service record.' },
    BUDGET_ALLOCATION: { description: "Points given to a street office's budget." },
    INCENTIVE: { description: 'Points from a budget to a person or organisation.' },
    REDEMPTION_HOLD: { description: "A person's points held for a redemption code." },
    REDEMPTION_SETTLED: { description: 'Held points passed to the merchant on confirmation.' },
    REDEMPTION_RELEASED: { description: 'Held points returned (cancelled or expired code).' },
    TIME_CREDIT_DONATION: { description: 'Time credits given to an elder or family member.' },
    REVERSAL: { description: 'Undoes an earlier transfer.' },
  },
});

export const IncentiveStatusEnum = { ISSUED: 'ISSUED', PENDING_APPROVAL: 'PENDING_APPROVAL', REJECTED: 'REJECTED' } as const;
registerEnumType(IncentiveStatusEnum, {
  name: 'IncentiveStatus',
  description: 'Where an incentive stands.',
  valuesMap: {
    ISSUED: { description: 'Paid to the recipient.' },
    PENDING_APPROVAL: { description: 'Above the threshold: waiting for a second official of the office.' },
    REJECTED: { description: 'Refused by the second official; its points went back to the budget.' },
  },
});

@ObjectType('LedgerEntry', { implements: () => [NodeInterface], description: "One side of a transfer as the account's owner sees it." })
export class LedgerEntryObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => CurrencyEnum, { description: 'Points or time credits.' })
  currency: string;
  @Field(() => Int, { description: 'Signed, as seen from this account: + in, - out.' })
  amount: number;
  @Field(() => Int, { description: 'The balance right after this entry.' })
  balanceAfter: number;
  @Field(() => TransferKindEnum, { description: 'Why value moved.' })
  kind: string;
  @Field(() => String, { nullable: true, description: 'A note (the reason of an incentive or reversal, a donation’s note, the reward).' })
  memo: string | null;
  @Field(() => String, { nullable: true, description: 'Who was on the other side: a display name, masked for persons other than the viewer; null for the platform itself.' })
  counterparty: string | null;
  @Field({ description: 'When.' })
  createdAt: Date;
  @Field(() => Boolean, { description: 'Whether this transfer has been undone by a REVERSAL.' })
  reversed: boolean;
}
export const LedgerEntryConnection = ConnectionType(LedgerEntryObject, 'LedgerEntry', 'ledger entry');

@ObjectType('TrialBalance', { description: 'One check of the ledger: every transfer sums to zero and every balance equals its entries.' })
export class TrialBalanceObject {
  @Field({ description: 'When it was checked.' })
  checkedAt: Date;
  @Field(() => Int, { description: 'Transfers checked.' })
  transfers: number;
  @Field(() => Int, { description: 'Transfers whose entries are not two summing to zero.' })
  unbalancedTransfers: number;
  @Field(() => Int, { description: 'Accounts whose balance differs from the sum of their entries.' })
  mismatchedAccounts: number;
  @Field({ description: 'True when nothing was found.' })
  balanced: boolean;
}

@ObjectType('Budget', { description: "A street office's budget for incentives." })
export class BudgetObject {
  organizationId: string;
  @Field(() => Int, { description: 'Points allocated to it, all told.' })
  allocated: number;
  @Field(() => Int, { description: 'Points issued from it as incentives.' })
  issued: number;
  @Field(() => Int, { description: 'Points of incentives waiting for a second official.' })
  pendingApproval: number;
  @Field(() => Int, { description: 'allocated - issued - pendingApproval, never below zero.' })
  remaining: number;
  @Field(() => Int, { description: 'Points earned per verified checked-in hour of service in this street office.' })
  pointsPerHour: number;
  @Field(() => Int, { description: 'Incentives above this many points wait for a second official of the office.' })
  approvalThreshold: number;
  @Field(() => Boolean, { description: 'Whether the viewer is an official of this office (may issue and decide incentives).' })
  viewerCanIssue: boolean;
  @Field(() => Boolean, { description: 'Whether the viewer may allocate to this budget and change its settings (an administrator, or an official above the street).' })
  viewerCanAllocate: boolean;
}

@ObjectType('Incentive', { implements: () => [NodeInterface], description: 'Points an official gave from a budget to a person or organisation, with a reason.' })
export class IncentiveObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => Int, { description: 'Points.' })
  points: number;
  @Field({ description: 'Why.' })
  reason: string;
  @Field(() => IncentiveStatusEnum, { description: 'Where it stands.' })
  status: string;
  @Field({ description: 'When it was issued.' })
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the second official decided, if the amount needed one.' })
  decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The second official's reason." })
  decidedReason: string | null;
}
export const IncentiveConnection = ConnectionType(IncentiveObject, 'Incentive', 'incentive');

@InputType('AllocateBudgetInput', { description: "Points for a street office's budget." })
export class AllocateBudgetInput {
  @Field(() => ID, { description: 'The street office.' })
  @IsUUID()
  organizationId: string;
  @Field(() => Int, { description: 'Points, 1 to 10 000 000.' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  points: number;
  @Field(() => String, { nullable: true, description: 'A note (which programme, which year).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  memo?: string;
  @Field({ description: 'A fresh key per allocation: a replay returns the first result.' })
  @IsString()
  idempotencyKey: string;
}

@InputType('IssueIncentiveInput', { description: 'Points from a budget to exactly one recipient.' })
export class IssueIncentiveInput {
  @Field(() => ID, { description: 'The street office whose budget pays.' })
  @IsUUID()
  budgetOrganizationId: string;
  @Field(() => ID, { nullable: true, description: 'A person.' })
  @IsOptional()
  @IsUUID()
  recipientUserId?: string;
  @Field(() => ID, { nullable: true, description: 'Or an organisation.' })
  @IsOptional()
  @IsUUID()
  recipientOrganizationId?: string;
  @Field(() => Int, { description: 'Points, at least 1.' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  points: number;
  @Field({ description: 'Why (shown publicly with the award).' })
  @IsString()
  @Length(1, 500)
  reason: string;
  @Field({ description: 'A fresh key per incentive: a replay returns the first result.' })
  @IsString()
  idempotencyKey: string;
}

@InputType('DecideIncentiveInput', { description: "A second official's decision on an incentive above the threshold." })
export class DecideIncentiveInput {
  @Field(() => ID, { description: 'The incentive.' })
  @IsUUID()
  incentiveId: string;
  @Field({ description: 'Approve (pay it) or reject (return its points to the budget).' })
  @IsBoolean()
  approve: boolean;
  @Field(() => String, { nullable: true, description: 'Why; required to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@InputType('ConfigureBudgetInput', { description: "A street office's incentive settings." })
export class ConfigureBudgetInput {
  @Field(() => ID, { description: 'The street office.' })
  @IsUUID()
  organizationId: string;
  @Field(() => Int, { nullable: true, description: 'Points per verified checked-in hour, 0 to 1000.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  pointsPerHour?: number;
  @Field(() => Int, { nullable: true, description: 'Incentives above this many points need a second official; at least 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  approvalThreshold?: number;
}

@InputType('ReverseTransferInput', { description: 'Undo an earlier transfer by a REVERSAL.' })
export class ReverseTransferInput {
  @Field(() => ID, { description: 'An entry of the transfer to undo.' })
  @IsUUID()
  ledgerEntryId: string;
  @Field({ description: 'Why (kept in the audit log and on the reversal).' })
  @IsString()
  @Length(1, 500)
  reason: string;
  @Field({ description: 'A fresh key per correction: a replay returns the first result.' })
  @IsString()
  idempotencyKey: string;
}

@InputType('DonateTimeCreditsInput', { description: 'Give time credits to an elder or to someone who made you their proxy.' })
export class DonateTimeCreditsInput {
  @Field(() => ID, { description: 'A resident aged 60 or over, or one who granted the donor a proxy.' })
  @IsUUID()
  recipientUserId: string;
  @Field(() => Int, { description: 'Minutes, at least 1.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minutes: number;
  @Field(() => String, { nullable: true, description: 'A note for the recipient.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
  @Field({ description: 'A fresh key per donation: a replay returns the first result.' })
  @IsString()
  idempotencyKey: string;
}

