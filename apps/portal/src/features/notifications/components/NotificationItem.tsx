import { Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { NotificationItemFragment } from '../../../gql/graphql';
import { useLabels } from '../../../lib/catalog';
import { internalPath } from '../../../lib/routing';
import { useFormatters } from '../../../lib/time';
import { Pill, useListActionType } from '../../../lib/ui';

/** What an inbox entry shows; the inbox page, its subscription and the cache update share it. */
export const NotificationItemFragmentDoc = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    title
    body
    link
    createdAt
    readAt
  }
`);

export function NotificationItem({ notification: n, onRead }: { notification: NotificationItemFragment; onRead(id: string): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const labels = useLabels();
  const listAction = useListActionType();
  const unread = !n.readAt;
  // A link into the portal only (the API gives paths such as /my-shifts); anything else is shown without one.
  const to = internalPath(n.link);
  const titleId = `notification-${n.id}`;
  return (
    <article className={unread ? 'notification notification-unread' : 'notification'} aria-labelledby={titleId}>
      <div className="notification-head">
        <h2 id={titleId} className="notification-title">
          {to ? (
            <Link to={to} onClick={() => unread && onRead(n.id)}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
        </h2>
        {unread ? <Pill tone="blue">{t('notifications.unread')}</Pill> : null}
      </div>
      <p className="notification-body">{n.body}</p>
      <p className="hint">
        <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time> · {labels.notificationKind(n.kind)}
      </p>
      {unread ? (
        <Button type={listAction} onClick={() => onRead(n.id)} aria-label={t('notifications.markReadOf', { title: n.title })}>
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </article>
  );
}
