import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedPolling } from '../../../lib/apollo';
import { BELL_POLL_MS, useUnreadNotificationCount } from '../api/unread-notification-count';
import { useNotificationAdded } from '../api/notification-added';

/** The header's bell: how many notifications are unread, leading to the inbox. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const feed = useNotificationAdded();
  const pollInterval = useFeedPolling(BELL_POLL_MS, { feedFailed: Boolean(feed.error), onResume: () => void count.refetch(), restartFeed: feed.restart });
  // Shown once the session (which carries the figure) is in: read from the cache, kept live by the feed.
  const count = useUnreadNotificationCount({ pollInterval, fetchPolicy: 'cache-first' });
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
