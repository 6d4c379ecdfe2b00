import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { NotificationSettingsForm } from '../NotificationSettingsForm';
import { NotificationSettingsQuery } from '../../api/notification-settings';
import { UpdateNotificationSettingsMutation } from '../../api/update-notification-settings';

const settings = (quietHoursStart: number, quietHoursEnd: number) => ({
  __typename: 'NotificationSettings' as const,
  preferences: [
    { __typename: 'NotificationPreference' as const, kind: 'SHIFT_REMINDER', channels: ['IN_APP', 'SMS'] },
    { __typename: 'NotificationPreference' as const, kind: 'CLAIM_PROMOTED', channels: ['IN_APP'] },
    { __typename: 'NotificationPreference' as const, kind: 'NEED_FULFILLED', channels: [] },
  ],
  quietHoursStart,
  quietHoursEnd,
});

type Input = { preferences: { kind: string; channels: string[] }[]; quietHoursStart: number; quietHoursEnd: number };

describe('NotificationSettingsForm', () => {
  it('should save the channels chosen per kind and the quiet hours', async () => {
    const sent: Input[] = [];
    const save = {
      request: { query: UpdateNotificationSettingsMutation, variables: (v: { input: Input }) => (sent.push(v.input), true) },
      result: { data: { updateNotificationSettings: { ...settings(22 * 60, 7 * 60), preferences: [] } } },
    };
    renderWithApp(<NotificationSettingsForm hasEmail />, { token: 't', mocks: [{ request: { query: NotificationSettingsQuery }, result: { data: { notificationSettings: settings(0, 0) } } }, save] });

    // In the portal's order: the promotion before the reminder.
    const groups = await screen.findAllByRole('group');
    expect(groups.slice(0, 3).map((g) => g.querySelector('legend')?.textContent)).toEqual(['Off the waitlist: the place is yours', 'Shift reminder', 'Need fulfilled']);
    const promoted = screen.getByRole('group', { name: 'Off the waitlist: the place is yours' });
    expect(within(promoted).getByRole('checkbox', { name: 'In the app' })).toBeChecked();
    expect(within(promoted).getByRole('checkbox', { name: 'SMS' })).not.toBeChecked();

    await userEvent.click(within(promoted).getByRole('checkbox', { name: 'SMS' }));
    await userEvent.click(within(promoted).getByRole('checkbox', { name: 'E-mail' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Shift reminder' })).getByRole('checkbox', { name: 'In the app' }));
    expect(screen.getByRole('radio', { name: 'No quiet hours' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Quiet hours' }));
    expect(screen.getByRole('combobox', { name: 'From' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }));

    expect(await screen.findByText('Notification settings saved')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        preferences: [
          { kind: 'CLAIM_PROMOTED', channels: ['IN_APP', 'SMS', 'EMAIL'] },
          { kind: 'SHIFT_REMINDER', channels: ['SMS'] },
          { kind: 'NEED_FULFILLED', channels: [] },
        ],
        quietHoursStart: 22 * 60,
        quietHoursEnd: 7 * 60,
      },
    ]);
  });

  it('should keep e-mail off limits, with the reason, for someone without an address; and "no quiet hours" saves none', async () => {
    const sent: Input[] = [];
    const save = {
      request: { query: UpdateNotificationSettingsMutation, variables: (v: { input: Input }) => (sent.push(v.input), true) },
      result: { data: { updateNotificationSettings: settings(0, 0) } },
    };
    renderWithApp(<NotificationSettingsForm hasEmail={false} />, { token: 't', mocks: [{ request: { query: NotificationSettingsQuery }, result: { data: { notificationSettings: settings(23 * 60, 6 * 60) } } }, save] });
    const reminder = await screen.findByRole('group', { name: 'Shift reminder' });
    const email = within(reminder).getByRole('checkbox', { name: 'E-mail' });
    expect(email).toBeDisabled();
    expect(email).toHaveAccessibleDescription(/not given an e-mail address/);
    expect(screen.getByRole('radio', { name: 'Quiet hours' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'No quiet hours' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ quietHoursStart: 0, quietHoursEnd: 0 });
  });
});
