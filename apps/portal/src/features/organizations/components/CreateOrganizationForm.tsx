import { Alert, Button, Form, Input, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionPath } from '../../../lib/regions';
import { OFFICIAL_ONLY_KINDS, ORGANIZATION_KINDS, useLabels } from '../../../lib/catalog';
import { Loading, PageTitle } from '../../../lib/ui';
import type { OrganizationKind } from '../../../gql/graphql';
import { useCreateOrganizationMutation } from '../api/create-organization';
import { useMyOrganizations } from '../api/my-organizations';

interface Values {
  name: string;
  kind: OrganizationKind;
  region: string[];
  description?: string;
  registrationNumber?: string;
}

export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const mine = useMyOrganizations();
  const [create, { loading }] = useCreateOrganizationMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['name', 'kind', 'region', 'description', 'registrationNumber'], { aliases: { regionId: 'region' } });
  const official = mine.data?.me?.role === 'OFFICIAL' || mine.data?.me?.role === 'ADMIN';
  const kinds = ORGANIZATION_KINDS.filter((k) => official || !(OFFICIAL_ONLY_KINDS as readonly string[]).includes(k));

  const onFinish = async (v: Values) => {
    clearError();
    try {
      const { data } = await create({
        variables: { input: { name: v.name.trim(), kind: v.kind, regionId: v.region[v.region.length - 1], description: v.description?.trim() || undefined, registrationNumber: v.registrationNumber?.trim() || undefined } },
      });
      if (data) navigate(`/orgs/${data.createOrganization.id}`);
    } catch (e) {
      showError(e);
    }
  };

  if (!mine.data && mine.loading) return <Loading />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/orgs">{t('org.mine')}</Link>
      </p>
      <PageTitle>{t('org.createTitle')}</PageTitle>
      <Form
        form={form}
        name="create-org"
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        className="narrow-form"
        initialValues={{ kind: 'NGO', region: regionPath(mine.data?.me?.homeRegion) }}
      >
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[
            { required: true, whitespace: true, message: t('org.nameRequired') },
            { max: Limits.organizationNameMaxLength, message: t('validation.maxLength', { max: Limits.organizationNameMaxLength }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: labels.orgKind(k) }))} />
        </Form.Item>
        <Form.Item name="region" label={t('org.region')} rules={[{ required: true, type: 'array', min: 1, message: t('org.regionRequired') }]}>
          <RegionCascader anyLevel />
        </Form.Item>
        <Form.Item name="description" label={t('org.description')} rules={[{ max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="registrationNumber" label={t('orgReview.registrationNumber')} extra={t('orgReview.registrationNumberHint')}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" loading={loading} block size="large">
          {t('org.createSubmit')}
        </Button>
      </Form>
    </>
  );
}
