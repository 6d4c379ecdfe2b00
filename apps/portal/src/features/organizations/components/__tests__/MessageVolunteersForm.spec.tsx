import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { MessageVolunteersForm } from '../MessageVolunteersForm';
import { MessageVolunteersMutation } from '../../api/message-volunteers';

type Input = { taskId?: string; shiftId?: string; message: string; idempotencyKey: string };

const shifts = [{ id: 's1', label: 'Shift 1: Sat 1 Jun, 09:00 – 11:00' }];

describe('MessageVolunteersForm', () => {
  it('should send the same idempotency key again when a failed send is retried, and a new one for the next message', async () => {
    const sent: Input[] = [];
    const seen = (v: { input: Input }) => (sent.push(v.input), true);
    const mocks = [
      { request: { query: MessageVolunteersMutation, variables: seen }, error: new Error('Failed to fetch') },
      { request: { query: MessageVolunteersMutation, variables: seen }, result: { data: { messageVolunteers: { __typename: 'MessageVolunteersPayload', recipients: 3 } } } },
      { request: { query: MessageVolunteersMutation, variables: seen }, result: { data: { messageVolunteers: { __typename: 'MessageVolunteersPayload', recipients: 1 } } } },
    ];
    renderWithApp(<MessageVolunteersForm taskId="t1" shifts={shifts} />, { token: 't', mocks });

    await userEvent.type(screen.getByLabelText('Message'), 'Meet at the east gate.');
    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the server');

    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Sent to 3 volunteers.')).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({ taskId: 't1', message: 'Meet at the east gate.', idempotencyKey: expect.any(String) });
    expect(sent[1]).toEqual(sent[0]);
    expect(screen.getByLabelText('Message')).toHaveValue('');

    // The next message is another message: another key.
    await userEvent.type(screen.getByLabelText('Message'), 'Bring gloves.');
    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Sent to 1 volunteer.')).toBeInTheDocument();
    expect(sent[2].idempotencyKey).not.toBe(sent[0].idempotencyKey);
  });

  it('should say what is wrong next to the message, and explain the rate limit', async () => {
    const limited = {
      request: { query: MessageVolunteersMutation, variables: () => true },
      result: { errors: [{ message: 'Too many', extensions: { code: 'RATE_LIMITED', key: 'message.tooMany', retryAfterSeconds: 1200 } }] },
    };
    renderWithApp(<MessageVolunteersForm taskId="t1" shifts={shifts} />, { token: 't', mocks: [limited] });
    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Write the message')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Message'));
    await userEvent.paste('x'.repeat(501));
    await waitFor(() => expect(screen.getByText('At most 500 characters')).toBeInTheDocument());
    await userEvent.clear(screen.getByLabelText('Message'));
    await userEvent.type(screen.getByLabelText('Message'), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many messages. Please try again in 20 minutes.');
  });
});
