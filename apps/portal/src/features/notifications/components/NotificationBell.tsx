import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLivePolling } from '../../../lib/apollo';
import { useUnreadNotificationCount } from '../api/unread-notification-count';
import { useNotificationAdded } from '../api/notification-added';

/** Polled only while the socket is down; live, notificationAdded keeps it. */
export const BELL_POLL_MS = 60_000;

/** The header's bell: how many notifications are unread, leading to the inbox. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const livePoll = useLivePolling(BELL_POLL_MS, () => {
    void count.refetch();
    // Refused (e.g. it reached the socket before the sign-in did): try again on the new one.
    if (feed.error) feed.restart();
  });
  const feed = useNotificationAdded(false);
  // A socket that delivers but a feed that ended in an error is no better than no socket.
  const count = useUnreadNotificationCount({ skip: false, pollInterval: feed.error ? BELL_POLL_MS : livePoll });
  const unread = count.data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/notifications" className={unread > 0 ? 'bell bell-unread' : 'bell'} aria-label={t('notifications.bell', { count: unread })}>
      <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2a6 6 0 0 0-6 6v3.6L4.3 15a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6zm-2.6 16a2.6 2.6 0 0 0 5.2 0z" />
      </svg>
      {unread > 0 ? (
        <span className="bell-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
