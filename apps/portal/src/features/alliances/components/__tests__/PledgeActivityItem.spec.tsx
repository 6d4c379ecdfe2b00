import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { changeLanguage } from '../../../../lib/i18n';
import { PledgeActivityItem, type PledgeActivityNode } from '../PledgeActivityItem';
import { PledgeTotals } from '../PledgeTotals';
import { DeletePledgeActivityMutation } from '../../api/delete-pledge-activity';
import { UpdatePledgeActivityMutation } from '../../api/update-pledge-activity';

const unitsOf = { WASTE_SORTING: ['KG', 'BAG'], SAFETY_PATROL: ['ROUND', 'HOUR'] };
const node = (over: Partial<PledgeActivityNode> = {}) =>
  ({
  __typename: 'PledgeActivity',
  id: 'pa1',
  pledge: 'SAFETY_PATROL',
  note: 'Evening round',
  quantity: 1,
  unit: 'ROUND',
  occurredAt: '2026-03-01T12:00:00.000Z',
  recordedAt: '2026-03-01T12:00:00.000Z',
  changeableUntil: '2026-03-02T12:00:00.000Z',
  viewerMayChange: true,
  member: { __typename: 'AllianceMember', id: 'am1', pledges: ['WASTE_SORTING', 'SAFETY_PATROL'], organization: { __typename: 'Organization', id: 'o1', name: 'Fruit shop', nameEn: null } },
    ...over,
  }) as PledgeActivityNode;
const inList = (ui: React.ReactElement) => <ul>{ui}</ul>;

describe('PledgeActivityItem', () => {
  it('should show the quantity in words and offer no change to others or after a day', () => {
    renderWithApp(inList(<PledgeActivityItem node={node({ viewerMayChange: false })} unitsOf={unitsOf} />));
    expect(screen.getByText('· 1 round')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Correct/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
  });

  it('should ask before deleting, send nothing when cancelled, and delete when confirmed', async () => {
    const onDeleted = jest.fn();
    const mock = { request: { query: DeletePledgeActivityMutation, variables: { input: { pledgeActivityId: 'pa1' } } }, result: { data: { deletePledgeActivity: { __typename: 'PledgeActivity', id: 'pa1' } } } };
    renderWithApp(inList(<PledgeActivityItem node={node()} unitsOf={unitsOf} onDeleted={onDeleted} />), { token: 't', mocks: [mock] });
    expect(screen.getByText(/You can correct or delete it until/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete the record of Safety patrols: 1 round' }));
    const asked = await screen.findByRole('dialog');
    expect(within(asked).getAllByText('Delete this record?').length).toBeGreaterThan(0);
    expect(within(asked).getByText('Safety patrols: 1 round will be taken out of the activity and the totals. This cannot be undone.')).toBeInTheDocument();
    await userEvent.click(within(asked).getByRole('button', { name: 'Cancel' }));
    expect(onDeleted).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Delete the record of Safety patrols: 1 round' }));
    await waitFor(() => expect(screen.getAllByRole('dialog').length).toBeGreaterThan(0));
    const dialog = screen.getAllByRole('dialog').at(-1)!;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('Safety patrols: 1 round'));
  });

  it('should correct the record in place and say what it now says', async () => {
    const mock = {
      request: { query: UpdatePledgeActivityMutation, variables: (v: { input: Record<string, unknown> }) => v.input.pledgeActivityId === 'pa1' && v.input.quantity === 2 && v.input.unit === 'ROUND' },
      result: { data: { updatePledgeActivity: { ...node({ quantity: 2 }), member: undefined } } },
    };
    renderWithApp(inList(<PledgeActivityItem node={node()} unitsOf={unitsOf} />), { token: 't', mocks: [mock] });
    await userEvent.click(screen.getByRole('button', { name: 'Correct the record of Safety patrols: 1 round' }));
    const quantity = screen.getByLabelText('Quantity');
    expect(quantity).toHaveValue('1');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(await screen.findByText('Correction saved: Safety patrols: 2 rounds.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save correction' })).not.toBeInTheDocument();
  });
});

describe('PledgeTotals', () => {
  const totals = [
    { __typename: 'PledgeTotal' as const, month: '2026-03', pledge: 'WASTE_SORTING', unit: 'BAG' as const, quantity: 2, records: 1 },
    { __typename: 'PledgeTotal' as const, month: '2026-03', pledge: 'WASTE_SORTING', unit: 'KG' as const, quantity: 15.5, records: 2 },
    { __typename: 'PledgeTotal' as const, month: '2026-02', pledge: 'VOLUNTEER_DISCOUNT', unit: 'YUAN' as const, quantity: 36, records: 1 },
    { __typename: 'PledgeTotal' as const, month: '2026-02', pledge: 'SAFETY_PATROL', unit: 'ROUND' as const, quantity: 1, records: 1 },
  ];

  afterEach(() => act(() => changeLanguage('en')));

  it('should sum each unit per pledge and month, newest month first', () => {
    renderWithApp(<PledgeTotals totals={totals} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['March 2026', 'February 2026']);
    expect(screen.getByText('2 bags, 15.5 kg')).toBeInTheDocument();
    expect(screen.getByText('36 yuan')).toBeInTheDocument();
    expect(screen.getByText('1 round')).toBeInTheDocument();
    expect(screen.getByText('· 3 records')).toBeInTheDocument();
  });

  it('should speak Chinese units in the Chinese interface', async () => {
    renderWithApp(<PledgeTotals totals={totals} />);
    await act(() => changeLanguage('zh-CN'));
    expect(await screen.findByText('36 元')).toBeInTheDocument();
    expect(screen.getByText('1 次')).toBeInTheDocument();
    expect(screen.getByText('2 袋、15.5 公斤')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2026年3月' })).toBeInTheDocument();
  });

  it('should say so when nothing was counted', () => {
    renderWithApp(<PledgeTotals totals={[]} />);
    expect(screen.getByText('Nothing counted in the last six months.')).toBeInTheDocument();
  });
});
