import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { MerchantQuery } from '../../api/merchant';
import { SettlementStatementQuery } from '../../api/settlement';
import { SettlementPage } from '../SettlementPage';
import { memberOf, org } from './fixtures';

const merchant = {
  request: { query: MerchantQuery, variables: { id: 'm1' } },
  result: { data: { organization: { __typename: 'Organization' as const, id: 'm1', name: 'Yulin Kitchen', nameEn: null, kind: 'MERCHANT', allianceMemberships: [] } } },
  maxUsageCount: 5,
};
const CSV = 'reward,redemptions,points\n免费面条,3,150\n';
const statement = (month: string, rateFen: number | null, lines: object[] = []) => ({
  request: { query: SettlementStatementQuery, variables: { organizationId: 'm1', month } },
  result: {
    data: {
      settlementStatement: {
        __typename: 'SettlementStatement' as const,
        month,
        redemptions: 3,
        points: 150,
        amountFen: rateFen == null ? 0 : 150 * rateFen,
        rateFen,
        csv: CSV,
        merchant: org('m1', 'Yulin Kitchen'),
        lines,
      },
    },
  },
  maxUsageCount: 3,
});
const line = { __typename: 'SettlementLine' as const, redemptions: 3, points: 150, reward: { __typename: 'Reward' as const, id: 'r1', title: '免费面条' } };
const asAdmin = { me: memberOf('m1', 'OWNER') as never };

describe('SettlementPage', () => {
  it('should show the month’s totals, the amount in yuan at the rate, and the lines per reward', async () => {
    renderWithApp(<SettlementPage orgId="m1" />, { token: 't', ...asAdmin, route: '/orgs/m1/settlement?month=2026-11', mocks: [merchant, statement('2026-11', 12, [line])] });
    const totals = await screen.findByRole('region', { name: 'Totals for 2026-11' });
    expect(within(totals).getByText('¥18.00')).toBeInTheDocument();
    expect(within(totals).getByText('150')).toBeInTheDocument();
    expect(within(totals).getByText('Rate: ¥0.12 per point.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Redemptions and points per reward in 2026-11' });
    expect(within(table).getByRole('rowheader', { name: '免费面条' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should say when the alliance has set no rate', async () => {
    renderWithApp(<SettlementPage orgId="m1" />, { token: 't', ...asAdmin, route: '/orgs/m1/settlement?month=2026-11', mocks: [merchant, statement('2026-11', null)] });
    expect(await screen.findByText('The alliance has not set a settlement rate yet, so the amount is ¥0.00.')).toBeInTheDocument();
    expect(screen.getByText('No codes were confirmed this month.')).toBeInTheDocument();
  });

  it('should save the CSV as a file', async () => {
    const blobs: Blob[] = [];
    const create = jest.fn((b: Blob) => (blobs.push(b), 'blob:statement'));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    try {
      renderWithApp(<SettlementPage orgId="m1" />, { token: 't', ...asAdmin, route: '/orgs/m1/settlement?month=2026-11', mocks: [merchant, statement('2026-11', 12, [line])] });
      await userEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
      expect(clicked).toEqual(['settlement-2026-11.csv']);
      // The byte-order mark first (3 bytes), so spreadsheet programs read the Chinese right.
      expect(blobs[0].size).toBe(Buffer.byteLength(`\ufeff${CSV}`));
      expect(blobs[0].type).toBe('text/csv;charset=utf-8');
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]);
      });
      expect(text.replace(/^\ufeff/, '')).toBe(CSV);
    } finally {
      click.mockRestore();
    }
  });

  it('should start at the current month in China’s time when none is asked for', async () => {
    const now = new Date();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
    renderWithApp(<SettlementPage orgId="m1" />, { token: 't', ...asAdmin, route: '/orgs/m1/settlement', mocks: [merchant, statement(month, 10)] });
    expect(await screen.findByRole('region', { name: `Totals for ${month}` })).toBeInTheDocument();
  });
});
