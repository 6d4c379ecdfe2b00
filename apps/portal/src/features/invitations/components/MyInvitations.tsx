import { useState } from 'react';
import { Alert, Button, Segmented } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MatchReasons } from '../../../lib/matching';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill, useListActionType } from '../../../lib/ui';
import type { InvitationStatus, MyInvitationsQuery } from '../../../gql/graphql';
import { useMyInvitations } from '../api/my-invitations';
import { useRespondToInvitationMutation } from '../api/respond-to-invitation';
import { useDisplayName } from '../../../lib/i18n';

type Invitation = MyInvitationsQuery['myInvitations']['edges'][number]['node'];

const STATUS_TONE = { PENDING: 'blue', ACCEPTED: 'green', DECLINED: 'grey', EXPIRED: 'amber', WITHDRAWN: 'grey' } as const;

export function InvitationCard({ inv }: { inv: Invitation }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const primary = useListActionType();
  const [respond, { loading }] = useRespondToInvitationMutation();
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const when = f.range(inv.shift.startsAt, inv.shift.endsAt);
  const title = show(inv.shift.task.title);
  const go = async (accept: boolean) => {
    setError(null);
    try {
      await respond({ variables: { input: { invitationId: inv.id, accept } } });
      setAnswer(accept ? 'accepted' : 'declined');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="shift-card" aria-labelledby={`inv-${inv.id}`}>
      <div className="pill-row">
        <Pill tone={STATUS_TONE[inv.status] ?? 'grey'}>{t(`invitationStatus.${inv.status}`)}</Pill>
      </div>
      <h2 id={`inv-${inv.id}`} className="shift-card-title">
        <Link to={`/tasks/${inv.shift.task.id}`}>{title}</Link>
      </h2>
      <p>
        {when} · {show(inv.shift.task.organization)}
      </p>
      <MatchReasons score={inv.score} reasons={inv.reasons} />
      {inv.status === 'PENDING' ? <p className="hint">{t('invitations.expires', { time: f.dateTime(inv.expiresAt) })}</p> : null}
      <div aria-live="polite">
        {answer === 'accepted' ? (
          <>
            <Alert type="success" showIcon title={t('invitations.acceptedShift', { title, when })} className="form-alert" />
            <p>
              <Link to="/my-shifts">{t('invitations.toMyShifts')}</Link>
            </p>
          </>
        ) : answer === 'declined' ? (
          <p className="saved-note">{t('invitations.declined')}</p>
        ) : null}
      </div>
      {inv.status === 'PENDING' && !answer ? (
        <div className="button-row">
          <Button type={primary} size="large" loading={loading} onClick={() => void go(true)} aria-label={t('invitations.acceptFor', { title, when })}>
            {t('invitations.accept')}
          </Button>
          <Button size="large" loading={loading} onClick={() => void go(false)} aria-label={t('invitations.declineFor', { title, when })}>
            {t('invitations.decline')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </article>
  );
}

/** Shifts organisers invited me to: accept (I get the place) or decline. */
export function MyInvitations() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<InvitationStatus | 'ALL'>('PENDING');
  const { data, loading, error, refetch, fetchMore } = useMyInvitations(status === 'ALL' ? undefined : status);
  const conn = data?.myInvitations;
  return (
    <>
      <PageTitle>{t('invitations.title')}</PageTitle>
      <p className="lead">{t('invitations.lead')}</p>
      <Segmented
        aria-label={t('invitations.show')}
        value={status}
        onChange={(v) => setStatus(v as InvitationStatus | 'ALL')}
        options={[
          { value: 'PENDING', label: t('invitationStatus.PENDING') },
          { value: 'ALL', label: t('invitations.all') },
        ]}
      />
      {error && !conn ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {!conn && loading ? <Loading /> : null}
      {conn && conn.edges.length === 0 ? <EmptyState text={t('invitations.none')} /> : null}
      <ul className="card-list">
        {conn?.edges.map(({ node }) => (
          <li key={node.id}>
            <InvitationCard inv={node} />
          </li>
        ))}
      </ul>
      {conn?.pageInfo.hasNextPage && conn.edges.length > 0 ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
