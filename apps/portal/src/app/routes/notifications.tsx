import { Inbox } from '../../features/notifications/components/Inbox';

export default function NotificationsRoute() {
  return <Inbox />;
}
