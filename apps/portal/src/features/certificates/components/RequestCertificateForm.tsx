import { Alert, Button, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { useDisplayName } from '../../../lib/i18n';
import { DateTimePicker, ErrorAlert, Loading } from '../../../lib/ui';
import { useServedOrganizations } from '../api/served-organizations';
import { useRequestCertificateMutation } from '../api/request-certificate';
import { pickedToIso } from './period';

interface Values {
  organizationId?: string;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
}

/** Ask an organisation that recorded the volunteer's service for a certificate of a period. */
export function RequestCertificateForm() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const [form] = Form.useForm<Values>();
  const served = useServedOrganizations();
  const [request, { data, loading }] = useRequestCertificateMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['organizationId', 'periodFrom', 'periodTo']);
  if (!served.data && served.loading) return <Loading />;
  if (!served.data) return <ErrorAlert error={served.error} onRetry={() => void served.refetch()} />;
  // Only verified minutes go on a certificate: the organisations that verified some.
  const orgs = new Map<string, { id: string; name: string; nameEn?: string | null }>();
  for (const { node } of [...served.data.myServiceRecords.edges, ...served.data.myReportedService.edges]) {
    if (node.status === 'VERIFIED') orgs.set(node.organization.id, node.organization);
  }
  if (!orgs.size) return <p className="hint">{t('certificates.request.noService')}</p>;
  return (
    <Form
      form={form}
      name="request-certificate"
      layout="vertical"
      requiredMark={false}
      className="narrow-form"
      onFinish={async (v) => {
        clearError();
        try {
          await request({ variables: { input: { organizationId: v.organizationId!, periodFrom: pickedToIso(v.periodFrom!), periodTo: pickedToIso(v.periodTo!) } } });
          form.resetFields();
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="organizationId" label={t('certificates.request.organization')} rules={[{ required: true, message: t('certificates.request.organizationRequired') }]}>
        <Select options={[...orgs.values()].map((o) => ({ value: o.id, label: show(o) }))} placeholder={t('certificates.request.organizationPlaceholder')} />
      </Form.Item>
      <Form.Item name="periodFrom" label={t('certificates.request.from')} rules={[{ required: true, message: t('certificates.request.fromRequired') }]}>
        <DateTimePicker allowClear={false} />
      </Form.Item>
      <Form.Item
        name="periodTo"
        label={t('certificates.request.to')}
        dependencies={['periodFrom']}
        rules={[
          { required: true, message: t('certificates.request.toRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const from = getFieldValue('periodFrom') as Dayjs | null | undefined;
              return value && from && !value.isAfter(from) ? Promise.reject(new Error(t('certificates.request.toAfterFrom'))) : Promise.resolve();
            },
          }),
        ]}
      >
        <DateTimePicker allowClear={false} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{data ? <p className="saved-note">{t('certificates.request.sent', { organization: show(data.requestCertificate.organization) })}</p> : null}</div>
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('certificates.request.submit')}
      </Button>
    </Form>
  );
}
