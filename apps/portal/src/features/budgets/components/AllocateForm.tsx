import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { ConfirmIrreversible } from '../../../lib/ui';
import { useDisplayName } from '../../../lib/i18n';
import type { BudgetFieldsFragment } from '../../../gql/graphql';
import { useAllocateBudgetMutation } from '../api/allocate-budget';
import { useIdempotencyKey } from './idempotency';

interface Values {
  points: number | null;
  memo?: string;
}

/** Adds points to the office's budget: administrators and district officials. */
export function AllocateForm({ budget }: { budget: BudgetFieldsFragment }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const [form] = Form.useForm<Values>();
  const points = Form.useWatch('points', form);
  const [allocate, { data }] = useAllocateBudgetMutation();
  const { keyFor, succeeded } = useIdempotencyKey();
  const { formError, showError, clearError } = useFormErrors(form, ['points', 'memo']);
  const office = show(budget.organization);
  const id = budget.organization.id;

  const submit = async () => {
    clearError();
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = { organizationId: id, points: v.points!, memo: v.memo?.trim() || undefined };
    try {
      await allocate({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
      succeeded();
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name={`allocate-${id}`} layout="vertical" requiredMark={false} className="narrow-form" onFinish={() => undefined}>
      <Form.Item name="points" label={t('budgets.allocate.points')} rules={[{ required: true, message: t('budgets.allocate.pointsRequired') }, { type: 'integer', min: 1, message: t('budgets.pointsPositive') }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="memo" label={t('budgets.allocate.memo')} rules={[{ max: 200, message: t('budgets.maxLength', { max: 200 }) }]}>
        <Input />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{data && !points ? <p className="saved-note">{t('budgets.allocate.done', { office, count: data.allocateBudget.allocated })}</p> : null}</div>
      <ConfirmIrreversible
        title={t('budgets.allocate.confirmTitle', { count: points ?? 0, office })}
        consequence={t('budgets.allocate.consequence', { office })}
        confirmText={t('budgets.allocate.confirm')}
        onConfirm={submit}
      >
        {t('budgets.allocate.submit')}
      </ConfirmIrreversible>
    </Form>
  );
}
