import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionLabel } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, useListActionType } from '../../../lib/ui';
import type { OfficialQueueQuery } from '../../../gql/graphql';
import { useOfficialQueue } from '../api/official-queue';
import { useOfficialDecideApplicationMutation } from '../api/decide-application';
import { useAssignOfficialMutation } from '../api/assign-official';
import { useFindPerson } from '../api/find-person';
import { GridLeaders } from './GridLeaders';
import { useDisplayName } from '../../../lib/i18n';
import { VerifyList } from './VerifyList';

type Application = OfficialQueueQuery['pendingAllianceApplications']['edges'][number]['node'];

function ApplicationRow({ app }: { app: Application }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const primary = useListActionType();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [decide, { loading }] = useOfficialDecideApplicationMutation();
  const name = show(app.organization);
  const go = async (approve: boolean) => {
    if (!approve && !reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    try {
      await decide({ variables: { input: { allianceMemberId: app.id, approve, reason: reason.trim() || undefined } } });
    } catch (e) {
      setError(e);
    }
  };
  const rid = `oreason-${app.id}`;
  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{name}</strong> → <Link to={`/alliances/${app.alliance.id}`}>{app.alliance.name}</Link> <span className="hint">{f.date(app.createdAt)}</span>
      </div>
      {app.pledges.length ? <p>{t('alliance.pledges')}: {app.pledges.map(labels.pledge).join(t('common.listSeparator'))}</p> : null}
      <label htmlFor={rid} className="field-label">
        {t('alliance.reasonFor', { name })}
      </label>
      <Input.TextArea id={rid} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} status={missing ? 'error' : undefined} aria-invalid={missing || undefined} />
      {missing ? (
        <p className="field-error" role="alert">
          {t('alliance.reasonRequired')}
        </p>
      ) : null}
      <div className="button-row">
        <Button type={primary} loading={loading} onClick={() => void go(true)}>
          {t('alliance.approve', { name })}
        </Button>
        <Button danger loading={loading} onClick={() => void go(false)}>
          {t('alliance.reject', { name })}
        </Button>
      </div>
      <ErrorAlert error={error} />
    </li>
  );
}

/** Administrators name officials: find the person by phone, choose the region, give the title. */
function AssignOfficialForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; region: string[]; title: string }>();
  const [find, found] = useFindPerson();
  const [assign, { loading, data }] = useAssignOfficialMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['phone', 'region', 'title'], { aliases: { regionId: 'region', userId: 'phone' } });
  const person = found.data?.userByPhone;
  return (
    <Form
      form={form}
      name="assign-official"
      layout="vertical"
      requiredMark={false}
      className="narrow-form"
      onFinish={async (v) => {
        clearError();
        try {
          const r = await find({ variables: { phone: v.phone.trim() } });
          const user = r.data?.userByPhone;
          if (!user) {
            form.setFields([{ name: 'phone', errors: [t('official.personNotFound')] }]);
            return;
          }
          await assign({ variables: { input: { userId: user.id, regionId: v.region[v.region.length - 1], title: v.title.trim() } } });
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="phone" label={t('official.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('membership.phoneInvalid') }]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="region" label={t('official.region')} rules={[{ required: true, type: 'array', min: 1, message: t('official.regionRequired') }]}>
        <RegionCascader anyLevel />
      </Form.Item>
      <Form.Item name="title" label={t('official.postTitle')} rules={[{ required: true, whitespace: true, message: t('official.titleRequired') }, { max: 80, message: t('validation.maxLength', { max: 80 }) }]}>
        <Input />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">
        {data ? <p className="saved-note">{t('official.assigned', { name: data.assignOfficial.user.displayName, title: data.assignOfficial.title })}</p> : null}
        {person && !data ? <p className="hint">{t('official.found', { name: person.displayName })}</p> : null}
      </div>
      <Button htmlType="submit" loading={loading || found.loading}>
        {t('official.assign')}
      </Button>
    </Form>
  );
}

/** For officials and administrators: organisations to verify, alliance applications to decide. */
export function OfficialQueue() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useOfficialQueue();
  const me = data?.me;
  const posts = me?.officialPosts ?? [];
  const [postId, setPostId] = useState<string | undefined>(undefined);
  if (!data && loading) return <Loading />;
  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!me || (me.role !== 'OFFICIAL' && me.role !== 'ADMIN'))
    return (
      <>
        <PageTitle>{t('official.title')}</PageTitle>
        <EmptyState text={t('official.notOfficial')} />
      </>
    );
  const post = posts.find((p) => p.id === postId) ?? posts[0];
  const apps = data?.pendingAllianceApplications.edges ?? [];
  return (
    <>
      <PageTitle>{t('official.title')}</PageTitle>
      <p className="lead">{post ? t('official.lead', { title: post.title, region: regionLabel(post.region, i18n.language) }) : t('official.leadAdmin')}</p>
      {posts.length > 1 ? (
        <label className="stack-field">
          <span className="field-label">{t('official.post')}</span>
          <Select value={post?.id} onChange={setPostId} aria-label={t('official.post')} options={posts.map((p) => ({ value: p.id, label: `${p.title} · ${regionLabel(p.region, i18n.language)}` }))} />
        </label>
      ) : null}
      <section className="panel" aria-labelledby="budgets-link-heading">
        <h2 id="budgets-link-heading">{t('budgets.title')}</h2>
        <p className="hint">{t('budgets.deskHint')}</p>
        <Link to="/official/budgets">{t('budgets.open')}</Link>
      </section>
      <section className="panel" aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('official.verifyTitle')}</h2>
        <VerifyList regionId={post?.region.id} />
      </section>
      <section className="panel" aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t('official.applications', { count: apps.length })}</h2>
        {apps.length === 0 ? <p className="hint">{t('alliance.noApplications')}</p> : null}
        <ul className="plain-list">
          {apps.map(({ node }) => (
            <ApplicationRow key={node.id} app={node} />
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="grid-leaders-heading">
        <h2 id="grid-leaders-heading">{t('gridLeaders.title')}</h2>
        <p className="hint">{t('gridLeaders.lead')}</p>
        <GridLeaders />
      </section>
      {me.role === 'ADMIN' ? (
        <>
          <section className="panel" aria-labelledby="regions-link-heading">
            <h2 id="regions-link-heading">{t('regionsAdmin.title')}</h2>
            <p className="hint">{t('regionsAdmin.linkHint')}</p>
            <Link to="/admin/regions">{t('regionsAdmin.open')}</Link>
          </section>
          <section className="panel" aria-labelledby="dev-messages-link-heading">
            <h2 id="dev-messages-link-heading">{t('devMessages.title')}</h2>
            <p className="hint">{t('devMessages.linkHint')}</p>
            <Link to="/admin/dev-messages">{t('devMessages.open')}</Link>
          </section>
          <section className="panel" aria-labelledby="ledger-link-heading">
            <h2 id="ledger-link-heading">{t('ledgerAdmin.title')}</h2>
            <p className="hint">{t('ledgerAdmin.linkHint')}</p>
            <Link to="/admin/ledger">{t('ledgerAdmin.open')}</Link>
          </section>
          <section className="panel" aria-labelledby="assign-heading">
            <h2 id="assign-heading">{t('official.assignTitle')}</h2>
            <AssignOfficialForm />
          </section>
        </>
      ) : null}
    </>
  );
}
