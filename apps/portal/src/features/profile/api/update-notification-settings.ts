import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { NotificationSettingsQuery } from './notification-settings';

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      ...NotificationSettingsFields
    }
  }
`);

/** The settings have no id of their own: the answer replaces the query's copy in the cache. */
export function useUpdateNotificationSettingsMutation() {
  return useMutation(UpdateNotificationSettingsMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: NotificationSettingsQuery, data: { notificationSettings: data.updateNotificationSettings } });
    },
  });
}
