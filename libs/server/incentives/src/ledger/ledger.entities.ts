import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export type Currency = 'POINTS' | 'TIME_CREDITS';
export const CURRENCIES: readonly Currency[] = ['POINTS', 'TIME_CREDITS'];
export type TransferKind =
  | 'SERVICE_EARNING'
  | 'TIME_CREDIT_EARNING'
  | 'BUDGET_ALLOCATION'
  | 'INCENTIVE'
  | 'REDEMPTION_HOLD'
  | 'REDEMPTION_SETTLED'
  | 'REDEMPTION_RELEASED'
  | 'TIME_CREDIT_DONATION'
  | 'REVERSAL';
export const TRANSFER_KINDS: readonly TransferKind[] = [
  'SERVICE_EARNING',
  'TIME_CREDIT_EARNING',
  'BUDGET_ALLOCATION',
  'INCENTIVE',
  'REDEMPTION_HOLD',
  'REDEMPTION_SETTLED',
  'REDEMPTION_RELEASED',
  'TIME_CREDIT_DONATION',
  'REVERSAL',
];
export type SystemAccount = 'ISSUANCE' | 'REDEMPTION_HOLDS';

/** One owner's balance in one currency. Written only by the ledger's own triggers and statements. */
@Entity('ledger_account')
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ name: 'owner_type', type: 'text' })
  ownerType: 'USER' | 'ORGANIZATION' | 'SYSTEM';
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;
  @Column({ name: 'system_code', type: 'text', nullable: true })
  systemCode: SystemAccount | null;
  @Column({ type: 'text' })
  currency: Currency;
  @Column({ type: 'integer' })
  balance: number;
  @Column({ type: 'integer' })
  reserved: number;
}

@Entity('ledger_transfer')
export class LedgerTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ type: 'text' })
  kind: TransferKind;
  @Column({ type: 'text' })
  currency: Currency;
  @Column({ type: 'integer' })
  amount: number;
  @Column({ name: 'from_account_id', type: 'uuid' })
  fromAccountId: string;
  @Column({ name: 'to_account_id', type: 'uuid' })
  toAccountId: string;
  @Column({ type: 'text', nullable: true })
  memo: string | null;
  @Column({ name: 'ref_type', type: 'text', nullable: true })
  refType: string | null;
  @Column({ name: 'ref_id', type: 'uuid', nullable: true })
  refId: string | null;
  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One side of a transfer as its account sees it: + in, - out. */
@Entity('ledger_entry')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ name: 'transfer_id', type: 'uuid' })
  transferId: string;
  @ManyToOne(() => LedgerTransferEntity)
  @JoinColumn({ name: 'transfer_id' })
  transfer: LedgerTransferEntity;
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;
  @Column({ type: 'integer' })
  amount: number;
  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter: number;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
