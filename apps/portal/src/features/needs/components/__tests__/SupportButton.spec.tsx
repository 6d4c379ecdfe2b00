import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { SupportButton, type SupportableNeed } from '../SupportButton';
import { SupportNeedMutation } from '../../api/support-need';

const need = (over: Partial<SupportableNeed> = {}): SupportableNeed => ({ id: 'n1', title: 'Benches by the river', status: 'OPEN', supportCount: 3, viewerSupports: false, ...over });

describe('SupportButton (+1 on a need)', () => {
  it('should send a signed-out person to sign in', () => {
    renderWithApp(<SupportButton need={need()} />);
    expect(screen.getByRole('button', { name: 'Sign in to support Benches by the river' })).toBeInTheDocument();
    expect(screen.getByText('3 supporters')).toBeInTheDocument();
  });

  it('should add one and then show it is supported', async () => {
    const mock = {
      request: { query: SupportNeedMutation, variables: { needId: 'n1' } },
      result: { data: { supportNeed: { __typename: 'Need', id: 'n1', supportCount: 4, viewerSupports: true } } },
    };
    // The button reads the cached need, so the answer updates what it shows.
    const { rerender } = renderWithApp(<SupportButton need={need()} />, { token: 't', mocks: [mock] });
    await userEvent.click(await screen.findByRole('button', { name: '+1 for Benches by the river (3 so far)' }));
    rerender(<SupportButton need={need({ supportCount: 4, viewerSupports: true })} />);
    const done = await screen.findByRole('button', { name: 'You support Benches by the river (4 so far)' });
    expect(done).toBeDisabled();
  });

  it('should not offer +1 on a need that is no longer open', async () => {
    renderWithApp(<SupportButton need={need({ status: 'ADOPTED' })} />, { token: 't' });
    expect(await screen.findByRole('button', { name: '+1 for Benches by the river (3 so far)' })).toBeDisabled();
  });

  it('should say plainly when the API refuses', async () => {
    const mock = {
      request: { query: SupportNeedMutation, variables: { needId: 'n1' } },
      result: { errors: [{ message: 'own', extensions: { code: 'CONFLICT', key: 'need.ownNeed' } }] },
    };
    renderWithApp(<SupportButton need={need()} />, { token: 't', mocks: [mock] });
    await userEvent.click(await screen.findByRole('button', { name: '+1 for Benches by the river (3 so far)' }));
    expect(await screen.findByText('You posted this need, so it already counts as yours.')).toBeInTheDocument();
  });
});
