import { Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { NotificationItemFragment } from '../../../gql/graphql';
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

/** A link into the portal only (the API gives paths such as /my-shifts); anything else is shown without one. */
export function portalPath(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function NotificationItem({ notification: n, onRead }: { notification: NotificationItemFragment; onRead(id: string): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const listAction = useListActionType();
  const unread = !n.readAt;
  const to = portalPath(n.link);
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
        <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time> · {t(`notificationKind.${n.kind}`, { defaultValue: t('notificationKind.other') })}
      </p>
      {unread ? (
        <Button type={listAction} onClick={() => onRead(n.id)} aria-label={t('notifications.markReadOf', { title: n.title })}>
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </article>
  );
}
