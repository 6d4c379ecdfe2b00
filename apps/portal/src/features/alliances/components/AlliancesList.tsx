import { useState } from 'react';
import { Form } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useSession } from '../../../lib/auth';
import { RegionCascader } from '../../../lib/regions';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useAlliances } from '../api/alliances';
import { useDisplayName } from '../../../lib/i18n';

/** Street merchant alliances (商家联盟), by area. */
export function AlliancesList() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const { signedIn } = useSession();
  const [region, setRegion] = useState<string[]>([]);
  const { data, loading, error, refetch } = useAlliances(region.length ? region[region.length - 1] : undefined);
  const conn = data?.alliances;
  return (
    <>
      <PageTitle
        extra={
          signedIn ? (
            <LinkButton type="primary" to="/alliances/new">
              {t('alliance.create')}
            </LinkButton>
          ) : null
        }
      >
        {t('alliance.listTitle')}
      </PageTitle>
      <p className="lead">{t('alliance.listLead')}</p>
      <Form layout="vertical" name="alliance-filter" className="narrow-form">
        <Form.Item label={t('directory.region')} htmlFor="alliance-region">
          <RegionCascader id="alliance-region" anyLevel value={region} onChange={(p) => setRegion(p ?? [])} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {!conn && loading ? <Loading /> : null}
      {conn && conn.edges.length === 0 ? <EmptyState text={t('alliance.none')} /> : null}
      <ul className="card-list">
        {conn?.edges.map(({ node }) => (
          <li key={node.id}>
            <article className="shift-card" aria-labelledby={`al-${node.id}`}>
              <div className="pill-row">
                <Pill tone="blue">{show(node.region)}</Pill>
              </div>
              <h2 id={`al-${node.id}`} className="shift-card-title">
                <Link to={`/alliances/${node.id}`}>{show(node)}</Link>
              </h2>
              <p>
                {t('alliance.steward')}: {node.steward.name}
              </p>
              <p className="hint">{node.pledgeOptions.map(labels.pledge).join(t('common.listSeparator'))}</p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
