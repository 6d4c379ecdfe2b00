import { Alert, Button, Form, Input, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader } from '../../../lib/regions';
import { EmptyState, Loading, PageTitle } from '../../../lib/ui';
import { useCreateAllianceMutation } from '../api/create-alliance';
import { useMyAdminOrganizations } from '../api/my-admin-organizations';

interface Values {
  name: string;
  region: string[];
  charter: string;
  pledgeOptions: string[];
  steward: string;
}

export const ALLIANCE_NAME_MAX = 80;
export const PLEDGE_MAX = 40;
export const PLEDGES_MAX = 20;

export function CreateAllianceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const mine = useMyAdminOrganizations();
  const [create, { loading }] = useCreateAllianceMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['name', 'region', 'charter', 'pledgeOptions', 'steward'], {
    aliases: { regionId: 'region', stewardOrganizationId: 'steward' },
  });
  const orgs = (mine.data?.me?.memberships ?? []).filter((m) => m.status === 'ACTIVE' && (m.role === 'OWNER' || m.role === 'ADMIN')).map((m) => m.organization);
  if (!mine.data && mine.loading) return <Loading />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/alliances">{t('alliance.listTitle')}</Link>
      </p>
      <PageTitle>{t('alliance.createTitle')}</PageTitle>
      {orgs.length === 0 ? (
        <EmptyState text={t('alliance.needAdminOrg')}>
          <Link to="/orgs/new">{t('org.create')}</Link>
        </EmptyState>
      ) : (
        <Form
          form={form}
          name="create-alliance"
          layout="vertical"
          requiredMark={false}
          className="narrow-form"
          initialValues={{ steward: orgs[0]?.id, pledgeOptions: [] }}
          onFinish={async (v) => {
            clearError();
            try {
              const { data } = await create({
                variables: {
                  input: {
                    name: v.name.trim(),
                    regionId: v.region[v.region.length - 1],
                    charter: v.charter.trim(),
                    pledgeOptions: v.pledgeOptions.map((p) => p.trim()).filter(Boolean),
                    stewardOrganizationId: v.steward,
                  },
                },
              });
              if (data) navigate(`/alliances/${data.createAlliance.id}`);
            } catch (e) {
              showError(e);
            }
          }}
        >
          <Form.Item
            name="name"
            label={t('alliance.name')}
            rules={[
              { required: true, whitespace: true, message: t('alliance.nameRequired') },
              { max: ALLIANCE_NAME_MAX, message: t('validation.maxLength', { max: ALLIANCE_NAME_MAX }) },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="region" label={t('alliance.region')} extra={t('alliance.regionHint')} rules={[{ required: true, type: 'array', min: 1, message: t('alliance.regionRequired') }]}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item
            name="charter"
            label={t('alliance.charter')}
            rules={[
              { required: true, whitespace: true, message: t('alliance.charterRequired') },
              { max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) },
            ]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="pledgeOptions"
            label={t('alliance.pledgeOptions')}
            extra={t('alliance.pledgeOptionsHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('alliance.pledgeOptionsRequired') },
              { type: 'array', max: PLEDGES_MAX, message: t('validation.arrayMax', { max: PLEDGES_MAX }) },
              {
                validator: (_, v: string[] | undefined) => ((v ?? []).some((p) => p.trim().length > PLEDGE_MAX) ? Promise.reject(new Error(t('validation.maxLength', { max: PLEDGE_MAX }))) : Promise.resolve()),
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="steward" label={t('alliance.steward')} extra={t('alliance.stewardHint')} rules={[{ required: true, message: t('alliance.orgRequired') }]}>
            <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
          <Button type="primary" htmlType="submit" loading={loading} block size="large">
            {t('alliance.createSubmit')}
          </Button>
        </Form>
      )}
    </>
  );
}
