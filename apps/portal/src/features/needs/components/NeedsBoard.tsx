import { useMemo, useState } from 'react';
import { Button, Form, Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { TASK_CATEGORIES, useLabels } from '../../../lib/catalog';
import { RegionCascader, regionLabel } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, Pill } from '../../../lib/ui';
import type { NeedFilter, NeedStatus } from '../../../gql/graphql';
import { NEEDS_PAGE_SIZE, useNeeds } from '../api/needs';
import { NeedStatusTag } from './NeedStatusTag';
import { SupportButton } from './SupportButton';

interface Values {
  region?: string[];
  status?: NeedStatus | 'ANY';
  category?: string;
}

export const NEED_STATUSES = ['OPEN', 'ADOPTED', 'FULFILLED', 'CLOSED'] as const;

export function toNeedFilter(v: Values): NeedFilter {
  return {
    regionId: v.region?.length ? v.region[v.region.length - 1] : undefined,
    status: v.status && v.status !== 'ANY' ? v.status : undefined,
    category: v.category || undefined,
  };
}

/** Residents' needs, most supported first where the API orders them; +1 to show you want it too. */
export function NeedsBoard() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const f = useFormatters();
  const { signedIn } = useSession();
  const [values, setValues] = useState<Values>({ status: 'OPEN' });
  const filter = useMemo(() => toNeedFilter(values), [values]);
  const { data, loading, error, refetch, fetchMore } = useNeeds(filter);
  const conn = data?.needs;
  return (
    <>
      <PageTitle
        extra={
          signedIn ? (
            <LinkButton type="primary" to="/needs/new">
              {t('needs.publish')}
            </LinkButton>
          ) : null
        }
      >
        {t('needs.title')}
      </PageTitle>
      <p className="lead">{t('needs.lead')}</p>
      <section className="panel" aria-labelledby="needs-filters">
        <h2 id="needs-filters" className="section-title">
          {t('board.filters')}
        </h2>
        <Form layout="vertical" name="needs-filter" className="filter-grid" initialValues={values} onValuesChange={(_, all: Values) => setValues(all)}>
          <Form.Item name="region" label={t('directory.region')}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item name="status" label={t('needs.status')}>
            <Select options={[{ value: 'ANY', label: t('needs.anyStatus') }, ...NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatus.${s}`) }))]} />
          </Form.Item>
          <Form.Item name="category" label={t('createTask.category')}>
            <Select allowClear options={[{ value: '', label: t('needs.anyCategory') }, ...TASK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))]} />
          </Form.Item>
        </Form>
      </section>
      <section aria-labelledby="needs-results">
        <h2 id="needs-results" className="section-title">
          {conn ? t('needs.results', { count: conn.totalCount }) : t('needs.title')}
        </h2>
        {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        {!conn && loading ? <Loading /> : null}
        {conn && conn.edges.length === 0 ? <EmptyState text={t('needs.empty')} /> : null}
        <ul className="card-list">
          {conn?.edges.map(({ node }) => (
            <li key={node.id}>
              <article className="shift-card" aria-labelledby={`n-${node.id}`}>
                <div className="pill-row">
                  <NeedStatusTag status={node.status} />
                  <Pill tone="blue">{labels.category(node.category)}</Pill>
                </div>
                <h3 id={`n-${node.id}`} className="shift-card-title">
                  <Link to={`/needs/${node.id}`}>{node.title}</Link>
                </h3>
                <p>
                  {regionLabel(node.region, i18n.language)} · {f.date(node.createdAt)}
                </p>
                <SupportButton need={node} />
              </article>
            </li>
          ))}
        </ul>
        {conn?.pageInfo.hasNextPage && conn.edges.length > 0 ? (
          <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: NEEDS_PAGE_SIZE } })}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </section>
    </>
  );
}
