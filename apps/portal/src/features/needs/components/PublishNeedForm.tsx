import { Alert, Button, Form, Input, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useSession } from '../../../lib/auth';
import { useFormErrors } from '../../../lib/errors';
import { TASK_CATEGORIES, useLabels } from '../../../lib/catalog';
import { RegionCascader, regionPath } from '../../../lib/regions';
import { Loading } from '../../../lib/ui';
import { PageTitle } from '../../../lib/ui';
import { usePublishNeedMutation } from '../api/publish-need';
import { useNeedResidents } from '../api/need-residents';

interface Values {
  title: string;
  category: string;
  region: string[];
  description: string;
  onBehalfOf?: string;
}

/** A resident (or a grid leader for a resident) says what the neighbourhood needs. */
export function PublishNeedForm() {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const residents = useNeedResidents(!me);
  const [publish, { loading }] = usePublishNeedMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['title', 'category', 'region', 'description', 'onBehalfOf'], {
    aliases: { regionId: 'region', onBehalfOfUserId: 'onBehalfOf' },
  });
  const people = residents.data?.proxyResidents.edges.map((e) => e.node) ?? [];
  if (!residents.data && residents.loading) return <Loading />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/needs">{t('needs.title')}</Link>
      </p>
      <PageTitle>{t('needs.publishTitle')}</PageTitle>
      <p className="lead">{t('needs.publishLead')}</p>
      <Form
        form={form}
        name="publish-need"
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        initialValues={{ category: 'COMMUNITY_EVENT', onBehalfOf: '', region: regionPath(residents.data?.me?.homeRegion) }}
        onFinish={async (v) => {
          clearError();
          try {
            const { data } = await publish({
              variables: {
                input: {
                  title: v.title.trim(),
                  category: v.category,
                  regionId: v.region[v.region.length - 1],
                  description: v.description.trim(),
                  onBehalfOfUserId: v.onBehalfOf || undefined,
                },
              },
            });
            if (data) navigate(`/needs/${data.publishNeed.id}`);
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Form.Item
          name="title"
          label={t('needs.needTitle')}
          rules={[
            { required: true, whitespace: true, message: t('needs.titleRequired') },
            { max: Limits.taskTitleMaxLength, message: t('validation.maxLength', { max: Limits.taskTitleMaxLength }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('createTask.category')} rules={[{ required: true, message: t('createTask.categoryRequired') }]}>
          <Select options={TASK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
        </Form.Item>
        <Form.Item name="region" label={t('needs.region')} rules={[{ required: true, type: 'array', min: 1, message: t('needs.regionRequired') }]}>
          <RegionCascader anyLevel />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('needs.description')}
          extra={t('needs.descriptionHint')}
          rules={[
            { required: true, whitespace: true, message: t('needs.descriptionRequired') },
            { max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        {people.length ? (
          <Form.Item name="onBehalfOf" label={t('needs.onBehalfOf')} extra={t('needs.onBehalfOfHint')}>
            <Select options={[{ value: '', label: t('needs.myself') }, ...people.map((p) => ({ value: p.id, label: p.displayName }))]} />
          </Form.Item>
        ) : null}
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" loading={loading} block size="large">
          {t('needs.publishSubmit')}
        </Button>
      </Form>
    </>
  );
}
