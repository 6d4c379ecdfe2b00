import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { DateTimePicker } from '../../../lib/ui';
import { useAddShiftMutation } from '../api/add-shift';
import { shiftProblems, type ShiftDraft } from './shift-rules';
import { toZonedIso } from './CreateTaskForm';


/** Adds one shift to a task (e.g. a task made by adopting a need, which starts without shifts). */
export function AddShiftForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShiftDraft>();
  const [add, { loading }] = useAddShiftMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['startsAt', 'endsAt', 'capacity', 'place']);
  const rule = (field: 'startsAt' | 'endsAt' | 'capacity' | 'place') => ({
    validator: () => {
      const key = shiftProblems(form.getFieldsValue())[field];
      return key ? Promise.reject(new Error(t(key, { max: field === 'place' ? Limits.shiftPlaceMaxLength : Limits.shiftCapacityMax, hours: Limits.shiftMaxHours }))) : Promise.resolve();
    },
  });
  return (
    <Form
      form={form}
      name={`add-shift-${taskId}`}
      layout="vertical"
      requiredMark={false}
      className="shift-row"
      onFinish={async (v) => {
        clearError();
        try {
          await add({ variables: { input: { taskId, startsAt: toZonedIso(v.startsAt!), endsAt: toZonedIso(v.endsAt!), capacity: v.capacity!, place: v.place?.trim() || undefined } } });
          form.resetFields();
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="startsAt" label={t('createTask.startsAt')} dependencies={['endsAt']} rules={[rule('startsAt')]}>
        <DateTimePicker />
      </Form.Item>
      <Form.Item name="endsAt" label={t('createTask.endsAt')} dependencies={['startsAt']} rules={[rule('endsAt')]}>
        <DateTimePicker />
      </Form.Item>
      <Form.Item name="capacity" label={t('createTask.capacity')} extra={t('createTask.capacityHint', { max: Limits.shiftCapacityMax })} rules={[rule('capacity')]}>
        <InputNumber style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('createTask.place')} className="shift-place-item" extra={t('createTask.placeHint')} rules={[rule('place')]}>
        <Input />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button htmlType="submit" loading={loading}>
        {t('manage.addShift')}
      </Button>
    </Form>
  );
}
