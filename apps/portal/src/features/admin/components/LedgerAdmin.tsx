import { useState } from 'react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { CorrectableEntryFragment, Currency, TrialBalanceFiguresFragment } from '../../../gql/graphql';
import { apiErrors, translateApiError } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useFindUserByPhone } from '../../profile/api/find-user';
import { LEDGER_PAGE_SIZE, useCheckLedger, useLastTrialBalance, usePersonLedger, useReverseTransfer } from '../api/ledger';

export const TrialBalanceFiguresFragmentDoc = graphql(`
  fragment TrialBalanceFigures on TrialBalance {
    checkedAt
    transfers
    unbalancedTransfers
    mismatchedAccounts
    balanced
  }
`);

export const CorrectableEntryFragmentDoc = graphql(`
  fragment CorrectableEntry on LedgerEntry {
    id
    kind
    currency
    amount
    balanceAfter
    memo
    counterparty
    createdAt
    reversed
  }
`);

/** Transfers an administrator may undo (redemption steps are undone by their own flow). */
const REVERSIBLE = new Set(['SERVICE_EARNING', 'TIME_CREDIT_EARNING', 'BUDGET_ALLOCATION', 'INCENTIVE', 'TIME_CREDIT_DONATION']);

function TrialBalance() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useLastTrialBalance();
  const [check, checking] = useCheckLedger();
  const last: TrialBalanceFiguresFragment | null | undefined = checking.data?.checkLedger ?? data?.lastTrialBalance;
  return (
    <section className="panel" aria-labelledby="trial-balance-heading">
      <h2 id="trial-balance-heading">{t('ledgerAdmin.trialTitle')}</h2>
      <p className="hint">{t('ledgerAdmin.trialLead')}</p>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error ?? checking.error} onRetry={() => void refetch()} />
      {data && !last ? <p>{t('ledgerAdmin.neverChecked')}</p> : null}
      {last ? (
        <Alert
          type={last.balanced ? 'success' : 'error'}
          showIcon
          message={last.balanced ? t('ledgerAdmin.balanced') : t('ledgerAdmin.unbalanced', { transfers: last.unbalancedTransfers, accounts: last.mismatchedAccounts })}
          description={t('ledgerAdmin.checkedAt', { when: f.dateTime(last.checkedAt), count: last.transfers })}
        />
      ) : null}
      <Button className="section-action" loading={checking.loading} onClick={() => void check()}>
        {t('ledgerAdmin.checkNow')}
      </Button>
    </section>
  );
}

function EntryRow({ entry, onReversed }: { entry: CorrectableEntryFragment; onReversed(): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  // One key per correction being typed: a retry after a lost answer cannot undo twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [reverse, { loading, error }] = useReverseTransfer();
  const amount = t(entry.currency === 'POINTS' ? 'ledgerAdmin.points' : 'ledgerAdmin.minutes', { count: entry.amount });
  const kind = t(`ledgerAdmin.kind.${entry.kind}`);
  return (
    <li className="record-row">
      <div className="pill-row">
        <strong>{entry.amount > 0 ? `+${amount}` : amount}</strong>
        <Pill tone="teal">{kind}</Pill>
        {entry.reversed ? <Pill tone="purple">{t('ledgerAdmin.reversed')}</Pill> : null}
        <span className="hint">
          <time dateTime={entry.createdAt}>{f.dateTime(entry.createdAt)}</time>
        </span>
      </div>
      <div className="hint">
        {[entry.memo, entry.counterparty, t('ledgerAdmin.balanceAfter', { balance: entry.balanceAfter })].filter(Boolean).join(' · ')}
      </div>
      {REVERSIBLE.has(entry.kind) && !entry.reversed ? (
        open ? (
          <Form layout="vertical" component="div" className="reverse-form">
            <Form.Item label={t('ledgerAdmin.reason')} htmlFor={`reason-${entry.id}`} required validateStatus={error ? 'error' : undefined}>
              <Input.TextArea id={`reason-${entry.id}`} value={reason} maxLength={500} autoSize={{ minRows: 2 }} onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
            {error ? <Alert type="error" showIcon message={apiErrors(error).map((e) => translateApiError(t, e)).join(' ')} /> : null}
            <div className="pill-row">
              <ConfirmIrreversible
                danger
                disabled={!reason.trim()}
                loading={loading}
                title={t('ledgerAdmin.confirmTitle', { amount, kind })}
                consequence={t('ledgerAdmin.confirmConsequence')}
                confirmText={t('ledgerAdmin.confirm')}
                onConfirm={async () => {
                  try {
                    await reverse({ variables: { input: { ledgerEntryId: entry.id, reason: reason.trim(), idempotencyKey: key } } });
                    setOpen(false);
                    setKey(crypto.randomUUID());
                    onReversed();
                  } catch {
                    // shown above
                  }
                }}
              >
                {t('ledgerAdmin.reverse')}
              </ConfirmIrreversible>
              <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            </div>
          </Form>
        ) : (
          <Button size="small" onClick={() => setOpen(true)} aria-label={t('ledgerAdmin.reverseAria', { amount, kind })}>
            {t('ledgerAdmin.reverse')}
          </Button>
        )
      ) : null}
    </li>
  );
}

function PersonLedger() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [currency, setCurrency] = useState<Currency | 'ALL'>('ALL');
  const [find, found] = useFindUserByPhone();
  const [load, ledger] = usePersonLedger();
  const person = found.data?.userByPhone ?? null;
  const conn = ledger.data?.userLedger;
  const fetchFor = (userId: string, c: Currency | 'ALL') => load({ variables: { userId, currency: c === 'ALL' ? null : c, first: LEDGER_PAGE_SIZE } });

  const lookUp = async () => {
    const res = await find({ variables: { phone: phone.trim() } }).catch(() => null);
    const id = res?.data?.userByPhone?.id;
    if (id) await fetchFor(id, currency).catch(() => null);
  };

  return (
    <section className="panel" aria-labelledby="person-ledger-heading">
      <h2 id="person-ledger-heading">{t('ledgerAdmin.personTitle')}</h2>
      <p className="hint">{t('ledgerAdmin.personLead')}</p>
      <Form layout="vertical" component="div">
        <Form.Item label={t('ledgerAdmin.phone')} htmlFor="ledger-phone">
          <Input
            id="ledger-phone"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              void lookUp();
            }}
          />
        </Form.Item>
        <Button onClick={() => void lookUp()} loading={found.loading} disabled={!phone.trim()}>
          {t('ledgerAdmin.find')}
        </Button>
      </Form>
      <ErrorAlert error={found.error ?? ledger.error} />
      {found.called && !found.loading && !found.error && !person ? <p role="status">{t('ledgerAdmin.nobody')}</p> : null}
      {person ? (
        <>
          <h3>{t('ledgerAdmin.personHeading', { name: person.displayName, phone: person.phone ?? '' })}</h3>
          <Radio.Group
            aria-label={t('ledgerAdmin.currency')}
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              void fetchFor(person.id, e.target.value);
            }}
            optionType="button"
            options={(['ALL', 'POINTS', 'TIME_CREDITS'] as const).map((c) => ({ value: c, label: t(`ledgerAdmin.currencyOption.${c}`) }))}
          />
          {!conn && ledger.loading ? <Loading /> : null}
          {conn && conn.edges.length === 0 ? <EmptyState text={t('ledgerAdmin.noEntries')} /> : null}
          <ul className="plain-list" aria-label={conn ? t('ledgerAdmin.entries', { count: conn.totalCount }) : undefined}>
            {conn?.edges.map(({ node }) => <EntryRow key={node.id} entry={node} onReversed={() => void ledger.refetch()} />)}
          </ul>
          {conn?.pageInfo.hasNextPage ? (
            <Button block loading={ledger.loading} onClick={() => void ledger.fetchMore({ variables: { after: conn.pageInfo.endCursor, first: LEDGER_PAGE_SIZE } })}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** For administrators: the nightly check of the points ledger, and corrections by reversal. */
export function LedgerAdmin() {
  const { t } = useTranslation();
  const last = useLastTrialBalance();
  const forbidden = apiErrors(last.error).some((e) => e.code === 'FORBIDDEN');
  return (
    <>
      <PageTitle title={t('ledgerAdmin.title')}>{t('ledgerAdmin.title')}</PageTitle>
      {forbidden ? (
        <EmptyState text={t('ledgerAdmin.adminOnly')} />
      ) : (
        <>
          <p className="lead">{t('ledgerAdmin.lead')}</p>
          <TrialBalance />
          <PersonLedger />
        </>
      )}
    </>
  );
}
