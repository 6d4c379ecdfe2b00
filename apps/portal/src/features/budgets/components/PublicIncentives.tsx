import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/i18n';
import { RegionCascader } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { PUBLIC_INCENTIVES_PAGE, usePublicIncentives } from '../api/public-incentives';

/** The public list of issued awards (公示), by region; names come masked from the API. */
export function PublicIncentives() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const [region, setRegion] = useState<string[]>([]);
  const regionId = region.length ? region[region.length - 1] : undefined;
  const { data, loading, error, refetch, fetchMore } = usePublicIncentives(regionId);
  const conn = data?.incentives;
  return (
    <>
      <PageTitle>{t('budgets.public.title')}</PageTitle>
      <p className="lead">{t('budgets.public.lead')}</p>
      <div className="stack-field narrow-form">
        <label className="field-label" htmlFor="incentives-region">
          {t('budgets.public.region')}
        </label>
        <RegionCascader id="incentives-region" anyLevel value={region} onChange={(v) => setRegion(v ?? [])} placeholder={t('budgets.public.allRegions')} />
      </div>
      {!data && loading ? <Loading /> : null}
      {!data && error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {conn ? (
        <section aria-label={t('budgets.public.listLabel')}>
          <p className="hint" aria-live="polite">
            {t('budgets.public.count', { count: conn.totalCount })}
          </p>
          {conn.edges.length === 0 ? <EmptyState text={t('budgets.public.empty')} /> : null}
          <ul className="plain-list">
            {conn.edges.map(({ node }) => (
              <li key={node.id} className="claim-row">
                <div className="claim-row-main">
                  <strong>{node.recipientName}</strong> · {t('budgets.points', { count: node.points })} <span className="hint">{f.date(node.createdAt)}</span>
                </div>
                <p>{node.reason}</p>
                <p className="hint">{t('budgets.public.awardedBy', { office: show(node.budget.organization) })}</p>
              </li>
            ))}
          </ul>
          {conn.pageInfo.hasNextPage ? (
            <Button loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: PUBLIC_INCENTIVES_PAGE } })}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
