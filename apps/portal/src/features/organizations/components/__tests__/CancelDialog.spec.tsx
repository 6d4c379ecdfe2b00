import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { renderWithApp } from '../../../../../test/render';
import { CancelDialog } from '../CancelDialog';

const dialog = (onCancel: (reason: string) => Promise<unknown>) => (
  <CancelDialog
    trigger="Cancel shift"
    title="Cancel the shift Sat 9:00?"
    consequence="This cannot be undone: every claim on this shift is cancelled and the volunteers are told the reason."
    confirm="Cancel this shift"
    onCancel={onCancel}
  />
);

describe('CancelDialog', () => {
  it('should say what cannot be undone and refuse to cancel without a reason', async () => {
    const onCancel = jest.fn(async () => undefined);
    renderWithApp(dialog(onCancel));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel shift' }));
    const modal = await screen.findByRole('dialog', { name: 'Cancel the shift Sat 9:00?' });
    expect(modal).toHaveTextContent('This cannot be undone');
    await userEvent.type(screen.getByLabelText('Reason (the volunteers will read it)'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this shift' }));
    expect(await screen.findByText('Write the reason for the volunteers')).toBeInTheDocument();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('should send the reason, trimmed, and close', async () => {
    const onCancel = jest.fn(async () => undefined);
    renderWithApp(dialog(onCancel));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel shift' }));
    await userEvent.type(await screen.findByLabelText('Reason (the volunteers will read it)'), '  Heavy rain is forecast ');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this shift' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledWith('Heavy rain is forecast'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('should keep the dialog open with the API refusal', async () => {
    const onCancel = jest.fn(async () => {
      throw new CombinedGraphQLErrors({ errors: [new GraphQLError('started', { extensions: { code: 'CONFLICT', key: 'shift.started' } })] });
    });
    renderWithApp(dialog(onCancel));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel shift' }));
    await userEvent.type(await screen.findByLabelText('Reason (the volunteers will read it)'), 'No hall');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this shift' }));
    expect(await screen.findByText('This shift has started: its time can no longer change and it cannot be cancelled.')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
