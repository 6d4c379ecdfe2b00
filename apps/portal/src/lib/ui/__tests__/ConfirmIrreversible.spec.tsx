import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../test/render';
import { ConfirmIrreversible } from '../ConfirmIrreversible';

const button = (onConfirm: () => Promise<unknown>) => (
  <ConfirmIrreversible title="Verify 95 minutes for Wang?" consequence="The minutes become final." confirmText="Verify the minutes" onConfirm={onConfirm}>
    Verify Wang's minutes
  </ConfirmIrreversible>
);

describe('ConfirmIrreversible', () => {
  it('should say what cannot be undone before doing anything', async () => {
    const onConfirm = jest.fn(async () => undefined);
    renderWithApp(button(onConfirm));
    await userEvent.click(screen.getByRole('button', { name: "Verify Wang's minutes" }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify 95 minutes for Wang?' });
    expect(dialog).toHaveTextContent('This cannot be undone');
    expect(dialog).toHaveTextContent('The minutes become final.');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('should change nothing when kept as it is, the choice that has the focus', async () => {
    const onConfirm = jest.fn(async () => undefined);
    renderWithApp(button(onConfirm));
    await userEvent.click(screen.getByRole('button', { name: "Verify Wang's minutes" }));
    const keep = await screen.findByRole('button', { name: 'Keep it as it is' });
    await waitFor(() => expect(keep).toHaveFocus());
    await userEvent.click(keep);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('should act once confirmed, and close', async () => {
    const onConfirm = jest.fn(async () => undefined);
    renderWithApp(button(onConfirm));
    await userEvent.click(screen.getByRole('button', { name: "Verify Wang's minutes" }));
    await userEvent.click(await screen.findByRole('button', { name: 'Verify the minutes' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
