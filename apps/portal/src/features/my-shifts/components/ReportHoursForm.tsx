import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { dayWithin, reportableDays } from '../../../lib/time';
import { useHoursOrganizations } from '../api/hours-organizations';
import { useReportServiceHoursMutation } from '../api/report-service-hours';

interface Values {
  organizationId: string;
  date: string;
  minutes: number;
  description: string;
}

/** Departments take no volunteers (the API refuses reports for them). */
const TAKES_NO_VOLUNTEERS = ['DEPARTMENT'];
const characters = (s: string) => [...s].length;

/**
 * "Record hours done elsewhere": service done off the platform or signed for on paper,
 * for the organisation to approve. Shown on My shifts beside the records it adds to.
 */
export function ReportHoursForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const orgs = useHoursOrganizations(search);
  const [report, { loading }] = useReportServiceHoursMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['organizationId', 'date', 'minutes', 'description']);
  const [sent, setSent] = useState(false);
  const days = reportableDays(Limits.reportedServiceMaxAgeDays);
  const options = (orgs.data?.organizations.edges ?? []).filter(({ node }) => !TAKES_NO_VOLUNTEERS.includes(node.kind)).map(({ node }) => ({ value: node.id, label: node.name }));

  const onFinish = async (v: Values) => {
    clearError();
    setSent(false);
    try {
      await report({ variables: { input: { organizationId: v.organizationId, date: v.date, minutes: v.minutes, description: v.description.trim() } } });
      setSent(true);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name="report-hours" layout="vertical" requiredMark={false} aria-labelledby="report-hours-heading" onFinish={onFinish} onValuesChange={() => setSent(false)}>
      <Form.Item name="organizationId" label={t('reportHours.organization')} extra={t('reportHours.organizationHint')} rules={[{ required: true, message: t('reportHours.organizationRequired') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={options}
          loading={orgs.loading}
          notFoundContent={orgs.loading ? t('common.loading') : t('reportHours.noOrganization')}
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('reportHours.date')}
        extra={t('reportHours.dateHint', { days: Limits.reportedServiceMaxAgeDays })}
        rules={[
          { required: true, message: t('reportHours.dateRequired') },
          {
            validator: (_, v: string | undefined) =>
              !v || dayWithin(v, days) ? Promise.resolve() : Promise.reject(new Error(t('reportHours.dateRange', { days: Limits.reportedServiceMaxAgeDays }))),
          },
        ]}
      >
        <Input type="date" min={days.min} max={days.max} />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('reportHours.minutes')}
        extra={t('reportHours.minutesHint')}
        rules={[
          { required: true, message: t('reportHours.minutesRequired') },
          { type: 'integer', min: 1, max: Limits.serviceMinutesMax, message: t('manage.minutesRange', { max: Limits.serviceMinutesMax }) },
        ]}
      >
        <InputNumber min={1} max={Limits.serviceMinutesMax} precision={0} inputMode="numeric" className="minutes-input" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('reportHours.description')}
        extra={t('reportHours.descriptionHint')}
        rules={[
          { required: true, whitespace: true, message: t('reportHours.descriptionRequired') },
          {
            validator: (_, v: string | undefined) =>
              characters((v ?? '').trim()) > Limits.serviceDescriptionMaxLength ? Promise.reject(new Error(t('validation.maxLength', { max: Limits.serviceDescriptionMaxLength }))) : Promise.resolve(),
          },
        ]}
      >
        <Input.TextArea rows={3} showCount={{ formatter: ({ value }) => `${characters(value)} / ${Limits.serviceDescriptionMaxLength}` }} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{sent ? <Alert type="success" showIcon title={t('reportHours.sent')} className="form-alert" /> : null}</div>
      <Button htmlType="submit" loading={loading}>
        {t('reportHours.submit')}
      </Button>
    </Form>
  );
}
