import { Alert, Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import type { BudgetFieldsFragment } from '../../../gql/graphql';
import { useConfigureBudgetMutation } from '../api/configure-budget';

interface Values {
  pointsPerHour: number | null;
  approvalThreshold: number | null;
}

/** Points per verified hour and the amount above which a second official must approve. */
export function ConfigureForm({ budget }: { budget: BudgetFieldsFragment }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [configure, { data, loading }] = useConfigureBudgetMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['pointsPerHour', 'approvalThreshold']);
  const id = budget.organization.id;
  return (
    <Form
      form={form}
      name={`configure-${id}`}
      layout="vertical"
      requiredMark={false}
      className="narrow-form"
      initialValues={{ pointsPerHour: budget.pointsPerHour, approvalThreshold: budget.approvalThreshold }}
      onFinish={async (v) => {
        clearError();
        try {
          await configure({ variables: { input: { organizationId: id, pointsPerHour: v.pointsPerHour!, approvalThreshold: v.approvalThreshold! } } });
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="pointsPerHour" label={t('budgets.configure.pointsPerHour')} rules={[{ required: true, message: t('budgets.configure.required') }, { type: 'integer', min: 0, message: t('budgets.configure.notNegative') }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Form.Item
        name="approvalThreshold"
        label={t('budgets.configure.threshold')}
        extra={t('budgets.configure.thresholdHint')}
        rules={[{ required: true, message: t('budgets.configure.required') }, { type: 'integer', min: 0, message: t('budgets.configure.notNegative') }]}
      >
        <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{data ? <p className="saved-note">{t('budgets.configure.saved')}</p> : null}</div>
      <Button htmlType="submit" loading={loading}>
        {t('budgets.configure.submit')}
      </Button>
    </Form>
  );
}
