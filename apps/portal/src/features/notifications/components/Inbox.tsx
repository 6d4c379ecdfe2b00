import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLivePolling } from '../../../lib/apollo';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { INBOX_PAGE_SIZE, useNotifications } from '../api/notifications';
import { useUnreadNotificationCount } from '../api/unread-notification-count';
import { useMarkNotificationsReadMutation } from '../api/mark-notifications-read';
import { NotificationItem } from './NotificationItem';
import { BELL_POLL_MS } from './NotificationBell';

/** The inbox: newest first, new ones arriving live (the bell's subscription puts them in the cache). */
export function Inbox() {
  const { t } = useTranslation();
  const livePoll = useLivePolling(BELL_POLL_MS, () => void list.refetch());
  const [pages, setPages] = useState(1);
  // A poll fetches the first page again, which would drop the pages shown after it: with
  // more shown, the list waits for the socket (or a reload) instead.
  const list = useNotifications({ pollInterval: pages > 1 ? 0 : livePoll });
  const count = useUnreadNotificationCount({ skip: false, pollInterval: 0 });
  const [mark, markState] = useMarkNotificationsReadMutation();
  const [error, setError] = useState<unknown>(null);
  const conn = list.data?.notifications;
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
        <Button block loading={list.loading} onClick={() => {
            setPages((p) => p + 1);
            void list.fetchMore({ variables: { after: conn.pageInfo.endCursor, first: INBOX_PAGE_SIZE } });
          }}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
