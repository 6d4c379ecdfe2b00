import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings {
      ...NotificationSettingsFields
    }
  }
`);

export function useNotificationSettings() {
  return useQuery(NotificationSettingsQuery);
}
