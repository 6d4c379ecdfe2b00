import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { LedgerAdmin } from '../LedgerAdmin';
import { CheckLedgerMutation, LastTrialBalanceQuery, PersonLedgerQuery, ReverseTransferMutation } from '../../api/ledger';
import { FindUserByPhoneQuery } from '../../../profile/api/find-user';

const balanced = { __typename: 'TrialBalance', checkedAt: '2030-06-01T18:30:00.000Z', transfers: 42, unbalancedTransfers: 0, mismatchedAccounts: 0, balanced: true };
const entry = (over: Record<string, unknown>) => ({
  __typename: 'LedgerEntry',
  id: 'e1',
  kind: 'SERVICE_EARNING',
  currency: 'POINTS',
  amount: 30,
  balanceAfter: 30,
  memo: 'River clean-up',
  counterparty: null,
  createdAt: '2030-06-01T03:00:00.000Z',
  reversed: false,
  ...over,
});
const page = (nodes: ReturnType<typeof entry>[]) => ({
  __typename: 'LedgerEntryConnection',
  totalCount: nodes.length,
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  edges: nodes.map((node) => ({ __typename: 'LedgerEntryEdge', node })),
});
const person = { __typename: 'User', id: 'u9', displayName: 'Wang Xiaoming', phone: '138****0001' };
const lookups = [
  { request: { query: FindUserByPhoneQuery, variables: { phone: '13800000001' } }, result: { data: { userByPhone: person } } },
  { request: { query: PersonLedgerQuery, variables: { userId: 'u9', currency: null, first: 20 } }, result: { data: { userLedger: page([entry({}), entry({ id: 'e2', kind: 'REDEMPTION_HOLD', amount: -10, balanceAfter: 20 })]) } } },
];

describe('LedgerAdmin', () => {
  it('should show the last trial balance and check again on request', async () => {
    const unbalanced = { ...balanced, checkedAt: '2030-06-02T01:00:00.000Z', unbalancedTransfers: 1, mismatchedAccounts: 2, balanced: false };
    renderWithApp(<LedgerAdmin />, {
      token: 't',
      me: { role: 'ADMIN' },
      mocks: [
        { request: { query: LastTrialBalanceQuery }, result: { data: { lastTrialBalance: balanced } } },
        { request: { query: CheckLedgerMutation }, result: { data: { checkLedger: unbalanced } } },
        { request: { query: LastTrialBalanceQuery }, result: { data: { lastTrialBalance: unbalanced } } },
      ],
    });
    expect(await screen.findByText('The books balance.')).toBeInTheDocument();
    expect(screen.getByText(/42 transfers/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByText('1 transfers do not balance and 2 accounts differ from their entries.')).toBeInTheDocument();
  });

  it("should find a person's entries and undo one with a reason, once confirmed, offering no undo for a redemption step", async () => {
    const sent: { ledgerEntryId: string; reason: string; idempotencyKey: string }[] = [];
    const seen = (v: { input: (typeof sent)[number] }) => (sent.push(v.input), true);
    renderWithApp(<LedgerAdmin />, {
      token: 't',
      me: { role: 'ADMIN' },
      mocks: [
        { request: { query: LastTrialBalanceQuery }, result: { data: { lastTrialBalance: null } } },
        ...lookups,
        { request: { query: ReverseTransferMutation, variables: seen }, result: { errors: [{ message: 'spent', extensions: { code: 'CONFLICT', key: 'ledger.insufficientBalance' } }] } },
        { request: { query: ReverseTransferMutation, variables: seen }, result: { data: { reverseTransfer: entry({ id: 'e3', kind: 'REVERSAL', amount: -30, balanceAfter: 0 }) } } },
        { request: { query: PersonLedgerQuery, variables: { userId: 'u9', currency: null, first: 20 } }, result: { data: { userLedger: page([entry({ id: 'e3', kind: 'REVERSAL', amount: -30, balanceAfter: 0 }), entry({ reversed: true })]) } } },
      ],
    });
    expect(await screen.findByText('The ledger has not been checked yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Mobile number'), '13800000001');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    const list = await screen.findByRole('list', { name: '2 entries' });
    expect(within(list).getAllByRole('button', { name: /^Undo/ })).toHaveLength(1);
    await userEvent.click(within(list).getByRole('button', { name: 'Undo Points for service of 30 points' }));
    const undo = screen.getByRole('button', { name: 'Undo…' });
    expect(undo).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Why it is undone/), 'Recorded twice');
    await userEvent.click(undo);
    await userEvent.click(await screen.findByRole('button', { name: 'Undo the transfer' }));
    expect(await screen.findByText('There is not enough left on the account for this.')).toBeInTheDocument();
    // The retry of the same correction carries the same key.
    await userEvent.click(screen.getByRole('button', { name: 'Undo…' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo the transfer' }));
    expect(await screen.findByText('Undone')).toBeInTheDocument();
    expect(sent).toEqual([
      { ledgerEntryId: 'e1', reason: 'Recorded twice', idempotencyKey: expect.any(String) },
      { ledgerEntryId: 'e1', reason: 'Recorded twice', idempotencyKey: sent[0].idempotencyKey },
    ]);
  });

  it('should tell someone who is not an administrator that the page is not for them', async () => {
    renderWithApp(<LedgerAdmin />, { token: 't', mocks: [{ request: { query: LastTrialBalanceQuery }, result: { errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] } }] });
    expect(await screen.findByText('This page is for administrators.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Mobile number')).toBeNull();
  });
});
