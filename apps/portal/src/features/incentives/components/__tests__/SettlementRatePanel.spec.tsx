import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { axeViolations } from './axe';
import { AllianceSettlementRateQuery, SetSettlementRateMutation } from '../../api/settlement';
import { SettlementRatePanel } from '../SettlementRatePanel';

const rate = (settlementRateFen: number | null) => ({ request: { query: AllianceSettlementRateQuery, variables: { id: 'a1' } }, result: { data: { alliance: { __typename: 'Alliance' as const, id: 'a1', settlementRateFen } } } });

describe('SettlementRatePanel', () => {
  it('should show the rate as yuan per point and set a new one in fen', async () => {
    const set = { request: { query: SetSettlementRateMutation, variables: { input: { allianceId: 'a1', fenPerPoint: 15 } } }, result: { data: { setSettlementRate: { __typename: 'Alliance' as const, id: 'a1', settlementRateFen: 15 } } } };
    renderWithApp(<SettlementRatePanel allianceId="a1" />, { token: 't', mocks: [rate(10), set] });
    expect(await screen.findByText('Merchants are paid ¥0.10 per point redeemed (10 fen).')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Fen per point' }), '15');
    expect(screen.getByText('That is ¥0.15 per point.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Set the rate' }));
    expect(await screen.findByText('The rate is now ¥0.15 per point.')).toBeInTheDocument();
    expect(screen.getByText('Merchants are paid ¥0.15 per point redeemed (15 fen).')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('should say when no rate is set, and show a refusal', async () => {
    const refused = { request: { query: SetSettlementRateMutation, variables: { input: { allianceId: 'a1', fenPerPoint: 5 } } }, result: { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } };
    renderWithApp(<SettlementRatePanel allianceId="a1" />, { token: 't', mocks: [rate(null), refused] });
    expect(await screen.findByText('No rate set yet: merchants’ statements show ¥0.00 until it is.'.replace('’', "'"))).toBeInTheDocument();
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Fen per point' }), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Set the rate' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
  });
});
