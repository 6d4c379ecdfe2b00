import { useState } from 'react';
import { Button, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useLabels } from '../../../lib/catalog';
import { regionLabel } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useNeedPage } from '../api/need';
import { useAdoptNeedMutation } from '../api/adopt-need';
import { useCloseNeedMutation } from '../api/close-need';
import { NeedStatusTag } from './NeedStatusTag';
import { SupportButton } from './SupportButton';
import { useDisplayName } from '../../../lib/i18n';

const COORDINATES = ['OWNER', 'ADMIN', 'COORDINATOR'];

/** An organisation the person coordinates adopts the need: a DRAFT task is made, to add shifts to. */
function AdoptNeed({ needId, orgs }: { needId: string; orgs: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [orgId, setOrgId] = useState<string | undefined>(orgs.length === 1 ? orgs[0].id : undefined);
  const [adopt, { loading }] = useAdoptNeedMutation();
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="panel" aria-labelledby="adopt-heading">
      <h2 id="adopt-heading">{t('needs.adoptTitle')}</h2>
      <p className="hint">{t('needs.adoptHint')}</p>
      <label className="stack-field">
        <span className="field-label">{t('needs.adoptAs')}</span>
        <Select value={orgId} onChange={setOrgId} options={orgs.map((o) => ({ value: o.id, label: o.name }))} aria-label={t('needs.adoptAs')} placeholder={t('needs.chooseOrg')} />
      </label>
      <Button
        type="primary"
        size="large"
        disabled={!orgId}
        loading={loading}
        onClick={async () => {
          if (!orgId) return;
          setError(null);
          try {
            const { data } = await adopt({ variables: { input: { needId, organizationId: orgId } } });
            if (data) navigate(`/orgs/${data.adoptNeed.organization.id}/tasks/${data.adoptNeed.id}`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('needs.adopt')}
      </Button>
      <ErrorAlert error={error} />
    </section>
  );
}

export function NeedPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const f = useFormatters();
  const { me } = useSession();
  const { data, loading, error, refetch } = useNeedPage(id);
  const [close, closeState] = useCloseNeedMutation();
  const [closeError, setCloseError] = useState<unknown>(null);
  const need = data?.need;
  if (!data && loading) return <Loading />;
  if (error && !need) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!need)
    return (
      <>
        <PageTitle>{t('needs.notFound')}</PageTitle>
        <EmptyState text={t('needs.notFound')}>
          <Link to="/needs">{t('needs.title')}</Link>
        </EmptyState>
      </>
    );
  const coordinated = (me?.memberships ?? []).filter((m) => COORDINATES.includes(m.role)).map((m) => m.organization);
  const mine = me && (need.postedBy.id === me.id || need.onBehalfOf?.id === me.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/needs">{t('needs.title')}</Link>
      </p>
      <PageTitle>{need.title}</PageTitle>
      <div className="pill-row">
        <NeedStatusTag status={need.status} />
        <Pill tone="blue">{labels.category(need.category)}</Pill>
      </div>
      <section className="panel" aria-labelledby="need-about">
        <h2 id="need-about">{t('needs.about')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('needs.postedBy')}</dt>
            <dd>{need.onBehalfOf ? t('needs.postedFor', { name: need.postedBy.displayName, resident: need.onBehalfOf.displayName }) : need.postedBy.displayName}</dd>
          </div>
          <div>
            <dt>{t('shift.where')}</dt>
            <dd>{regionLabel(need.region, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('needs.postedOn')}</dt>
            <dd>{f.date(need.createdAt)}</dd>
          </div>
          {need.adoptedBy ? (
            <div>
              <dt>{t('needs.adoptedBy')}</dt>
              <dd>{show(need.adoptedBy)}</dd>
            </div>
          ) : null}
          {need.task ? (
            <div>
              <dt>{t('needs.task')}</dt>
              <dd>
                <Link to={`/tasks/${need.task.id}`}>{show(need.task.title)}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="description">{need.description}</p>
        <SupportButton need={need} />
      </section>
      {need.status === 'OPEN' && coordinated.length > 0 ? <AdoptNeed needId={need.id} orgs={coordinated} /> : null}
      {need.status === 'OPEN' && mine ? (
        <section className="panel" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t('needs.withdrawTitle')}</h2>
          <p className="hint">{t('needs.withdrawHint')}</p>
          <Button
            danger
            loading={closeState.loading}
            onClick={async () => {
              setCloseError(null);
              try {
                await close({ variables: { needId: need.id } });
              } catch (e) {
                setCloseError(e);
              }
            }}
          >
            {t('needs.withdraw')}
          </Button>
          <ErrorAlert error={closeError} />
        </section>
      ) : null}
    </>
  );
}
