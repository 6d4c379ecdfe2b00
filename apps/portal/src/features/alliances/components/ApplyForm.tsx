import { Alert, Button, Checkbox, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/errors';
import { useApplyToAllianceMutation } from '../api/apply-to-alliance';
import { useDisplayName } from '../../../lib/i18n';

interface Values {
  organization: string;
  pledges: string[];
}

/** An organisation I administer applies to join, choosing pledges from the alliance's options. */
export function ApplyForm({ allianceId, pledgeOptions, orgs, onApplied }: { allianceId: string; pledgeOptions: readonly string[]; orgs: { id: string; name: string }[]; onApplied?: (name: string) => void }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [apply, { loading }] = useApplyToAllianceMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['organization', 'pledges'], { aliases: { organizationId: 'organization' } });
  return (
    <Form
      form={form}
      name="apply-alliance"
      layout="vertical"
      requiredMark={false}
      initialValues={{ organization: orgs[0]?.id, pledges: [] }}
      onFinish={async (v) => {
        clearError();
        try {
          const { data: done } = await apply({ variables: { input: { allianceId, organizationId: v.organization, pledges: v.pledges } } });
          if (done) onApplied?.(done.applyToAlliance.organization.name);
          form.resetFields();
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="organization" label={t('alliance.applyAs')} rules={[{ required: true, message: t('alliance.orgRequired') }]}>
        <Select options={orgs.map((o) => ({ value: o.id, label: show(o) }))} />
      </Form.Item>
      <Form.Item name="pledges" label={t('alliance.choosePledges')} rules={[{ validator: (_, v: string[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('alliance.pledgesRequired')))) }]}>
        <Checkbox.Group className="checkbox-column" options={pledgeOptions.map((p) => ({ value: p, label: labels.pledge(p) }))} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" loading={loading} size="large">
        {t('alliance.applySubmit')}
      </Button>
    </Form>
  );
}
