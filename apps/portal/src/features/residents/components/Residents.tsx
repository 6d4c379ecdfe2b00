import { useState } from 'react';
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useActing } from '../../../lib/acting/ActingProvider';
import { useSession } from '../../../lib/auth';
import { useFormatters } from '../../../lib/time';
import { ClaimStatusTag, EmptyState, ErrorAlert, Loading, PageTitle, useListActionType } from '../../../lib/ui';
import { useProxyResidents } from '../api/proxy-residents';
import { useResidentClaims } from '../api/resident-claims';
import { useDisplayName } from '../../../lib/i18n';

function ResidentClaims({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error } = useResidentClaims(id);
  const conn = data?.myClaims;
  return (
    <section className="panel" aria-labelledby="resident-claims-heading" aria-live="polite">
      <h2 id="resident-claims-heading">{t('residents.claimsOf', { name })}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {!conn && loading ? <Loading /> : null}
      {conn && conn.edges.length === 0 ? <EmptyState text={t('residents.noClaims')} /> : null}
      <ul className="plain-list">
        {conn?.edges.map(({ node }) => (
          <li key={node.id} className="record-row">
            <Link to={`/tasks/${node.shift.task.id}`} className="record-title">
              {show(node.shift.task.title)}
            </Link>
            <span>{f.range(node.shift.startsAt, node.shift.endsAt)}</span>
            <ClaimStatusTag claim={{ status: node.status, serviceRecord: node.serviceRecord }} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A grid leader's residents (代办): pick one, claim shifts in their name, see their claims. */
export function Residents() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { actingFor, startActing, stopActing } = useActing();
  const navigate = useNavigate();
  const buttonType = useListActionType();
  const { data, loading, error, refetch } = useProxyResidents();
  const [viewing, setViewing] = useState<{ id: string; name: string } | null>(null);
  const residents = data?.proxyResidents.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageTitle>{t('residents.title')}</PageTitle>
      <p className="lead">{me?.leadsGrid ? t('residents.leadIntro', { grid: me.leadsGrid.name }) : t('residents.intro')}</p>
      {actingFor ? (
        <p className="acting-note" role="status">
          {t('acting.banner', { name: actingFor.displayName })}{' '}
          <Button onClick={stopActing}>{t('acting.stop')}</Button>
        </p>
      ) : null}
      {error && !data ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? <Loading /> : null}
      {data && residents.length === 0 ? <EmptyState text={t('residents.none')} /> : null}
      <ul className="card-list">
        {residents.map((r) => (
          <li key={r.id}>
            <article className="shift-card" aria-labelledby={`r-${r.id}`}>
              <h2 id={`r-${r.id}`} className="shift-card-title">
                {r.displayName}
              </h2>
              {r.phone ? <p>{r.phone}</p> : null}
              <div className="button-row">
                <Button
                  type={buttonType}
                  onClick={() => {
                    startActing({ id: r.id, displayName: r.displayName });
                    navigate('/');
                  }}
                >
                  {t('residents.claimFor', { name: r.displayName })}
                </Button>
                <Button onClick={() => setViewing({ id: r.id, name: r.displayName })} aria-pressed={viewing?.id === r.id}>
                  {t('residents.viewClaims')}
                </Button>
              </div>
            </article>
          </li>
        ))}
      </ul>
      {viewing ? <ResidentClaims id={viewing.id} name={viewing.name} /> : null}
    </>
  );
}
