import { useMemo, useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, useLabels } from '../../../lib/catalog';
import { RegionCascader } from '../../../lib/regions';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import type { OrganizationFilter, OrganizationKind } from '../../../gql/graphql';
import { DIRECTORY_PAGE_SIZE, useOrganizationDirectory } from '../api/organization-directory';
import { useDisplayName } from '../../../lib/i18n';

interface Values {
  region?: string[];
  kind?: OrganizationKind | '';
  verified?: 'yes' | 'no' | '';
  search?: string;
}

export function toOrganizationFilter(v: Values): OrganizationFilter {
  return {
    regionId: v.region?.length ? v.region[v.region.length - 1] : undefined,
    kind: v.kind || undefined,
    verified: v.verified === 'yes' ? true : v.verified === 'no' ? false : undefined,
    search: v.search?.trim() || undefined,
  };
}

/** Every organisation, filtered by area, kind, verification and name. */
export function OrganizationDirectory() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const [values, setValues] = useState<Values>({});
  const [search, setSearch] = useState('');
  const filter = useMemo(() => toOrganizationFilter(values), [values]);
  const { data, loading, error, refetch, fetchMore } = useOrganizationDirectory(filter);
  const conn = data?.organizations;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/orgs">{t('org.mine')}</Link>
      </p>
      <PageTitle>{t('directory.title')}</PageTitle>
      <p className="lead">{t('directory.lead')}</p>
      <section className="panel" aria-labelledby="dir-filters">
        <h2 id="dir-filters" className="section-title">
          {t('board.filters')}
        </h2>
        <Form layout="vertical" name="org-directory" className="filter-grid" onValuesChange={(_, all: Values) => setValues({ ...all, search })}>
          <Form.Item name="region" label={t('directory.region')}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item name="kind" label={t('org.kind')}>
            <Select allowClear options={[{ value: '', label: t('directory.anyKind') }, ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: labels.orgKind(k) }))]} />
          </Form.Item>
          <Form.Item name="verified" label={t('directory.verified')}>
            <Select
              allowClear
              options={[
                { value: '', label: t('directory.verifiedAny') },
                { value: 'yes', label: t('org.verified') },
                { value: 'no', label: t('org.unverified') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('directory.search')} htmlFor="dir-search">
            <Input.Search
              id="dir-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(s) => setValues((v) => ({ ...v, search: s }))}
              enterButton={t('directory.searchButton')}
              allowClear
            />
          </Form.Item>
        </Form>
      </section>
      <section aria-labelledby="dir-results">
        <h2 id="dir-results" className="section-title">
          {conn ? t('directory.results', { count: conn.totalCount }) : t('directory.title')}
        </h2>
        {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        {!conn && loading ? <Loading /> : null}
        {conn && conn.edges.length === 0 ? <EmptyState text={t('directory.empty')} /> : null}
        <ul className="card-list">
          {conn?.edges.map(({ node }) => (
            <li key={node.id}>
              <article className="shift-card" aria-labelledby={`d-${node.id}`}>
                <div className="pill-row">
                  <Pill tone="blue">{labels.orgKind(node.kind)}</Pill>
                  {node.verified ? <Pill tone="green">{t('org.verified')}</Pill> : <Pill tone="grey">{t('org.unverified')}</Pill>}
                </div>
                <h3 id={`d-${node.id}`} className="shift-card-title">
                  <Link to={`/orgs/${node.id}`}>{show(node)}</Link>
                </h3>
                <p>{show(node.region)}</p>
              </article>
            </li>
          ))}
        </ul>
        {conn?.pageInfo.hasNextPage && conn.edges.length > 0 ? (
          <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: DIRECTORY_PAGE_SIZE } })}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </section>
    </>
  );
}
