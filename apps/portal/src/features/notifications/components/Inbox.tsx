import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLivePolling } from '../../../lib/apollo';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { INBOX_PAGE_SIZE, useNotifications } from '../api/notifications';
import { BELL_POLL_MS, useUnreadNotificationCount } from '../api/unread-notification-count';
import { useMarkNotificationsReadMutation } from '../api/mark-notifications-read';
import { NotificationItem } from './NotificationItem';

/** The inbox: newest first, new ones arriving live (the bell's subscription puts them in the cache). */
export function Inbox() {
  const { t } = useTranslation();
  // A poll or a catch-up fetches the first page again, which would drop the pages shown after
  // it: with more shown, the list waits for the socket (or a reload) instead.
  const livePoll = useLivePolling(BELL_POLL_MS, () => {
    if (!extra) void list.refetch();
  });
  const showsMore = useRef(false);
  const list = useNotifications({ pollInterval: livePoll, skipPoll: () => showsMore.current });
  // The bell keeps the figure current.
  const count = useUnreadNotificationCount({ pollInterval: 0, fetchPolicy: 'cache-first' });
  const [mark, markState] = useMarkNotificationsReadMutation();
  const [error, setError] = useState<unknown>(null);
  const conn = list.data?.notifications;
  // More edges from the API than a page (the ones notificationAdded put first have no cursor).
  const extra = (conn?.edges.filter((e) => e.cursor).length ?? 0) > INBOX_PAGE_SIZE;
  useLayoutEffect(() => {
    showsMore.current = extra;
  });
  const unread = count.data?.unreadNotificationCount ?? 0;

  const markRead = async (input: { ids: string[] } | { all: true }) => {
    setError(null);
    try {
      await mark({ variables: { input } });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <PageTitle
        title={t('notifications.title')}
        extra={
          <Button onClick={() => void markRead({ all: true })} disabled={unread === 0} loading={markState.loading}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        {t('notifications.title')}
      </PageTitle>
      <p className="lead" aria-live="polite">
        {count.data ? t('notifications.unreadCount', { count: unread }) : null}
      </p>
      <ErrorAlert error={list.error ?? error} onRetry={list.error ? () => void list.refetch() : undefined} />
      {!conn && list.loading ? <Loading /> : null}
      {conn && conn.edges.length === 0 ? <EmptyState text={t('notifications.empty')} /> : null}
      {conn && conn.edges.length > 0 ? (
        <ul className="card-list notification-list">
          {conn.edges.map(({ node }) => (
            <li key={node.id}>
              <NotificationItem notification={node} onRead={(id) => void markRead({ ids: [id] })} />
            </li>
          ))}
        </ul>
      ) : null}
      {conn?.pageInfo.hasNextPage ? (
        <Button block loading={list.loading} onClick={() => void list.fetchMore({ variables: { after: conn.pageInfo.endCursor, first: INBOX_PAGE_SIZE } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
