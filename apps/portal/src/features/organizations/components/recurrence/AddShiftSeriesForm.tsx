import { Alert, Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../../lib/errors';
import { DateTimePicker } from '../../../../lib/ui';
import { RecurrencePreview, type RepeatDraft, RepeatFields, toExceptions, toRecurrenceInput } from '../../../../lib/recurrence';
import { useAddShiftSeriesMutation } from '../../api/add-shift-series';
import { toZonedIso } from '../CreateTaskForm';
import { shiftProblems, type ShiftDraft } from '../shift-rules';


interface Values extends ShiftDraft {
  repeat: RepeatDraft;
}

/** Adds a repeating shift to a task: the first occurrence, its places and how it repeats, with the next dates previewed. */
export function AddShiftSeriesForm({ taskId, onAdded }: { taskId: string; onAdded?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [add, { loading }] = useAddShiftSeriesMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['startsAt', 'endsAt', 'capacity'], {
    aliases: { recurrence: 'repeat', rrule: 'repeat', exceptions: 'repeat' },
  });
  const rule = (field: 'startsAt' | 'endsAt' | 'capacity') => ({
    validator: () => {
      const key = shiftProblems(form.getFieldsValue())[field];
      return key ? Promise.reject(new Error(t(key, { max: Limits.shiftCapacityMax, hours: Limits.shiftMaxHours }))) : Promise.resolve();
    },
  });
  return (
    <Form
      form={form}
      name={`add-series-${taskId}`}
      layout="vertical"
      requiredMark={false}
      initialValues={{ capacity: 5, repeat: { enabled: true } }}
      onFinish={async (v) => {
        clearError();
        try {
          await add({
            variables: {
              input: { taskId, startsAt: toZonedIso(v.startsAt!), endsAt: toZonedIso(v.endsAt!), capacity: v.capacity!, recurrence: toRecurrenceInput(v.repeat, v.startsAt)!, exceptions: toExceptions(v.repeat) },
            },
          });
          form.resetFields();
          onAdded?.();
        } catch (e) {
          showError(e);
        }
      }}
    >
      <div className="shift-row">
        <Form.Item name="startsAt" label={t('recurrence.firstStartsAt')} dependencies={['endsAt']} rules={[rule('startsAt')]}>
          <DateTimePicker />
        </Form.Item>
        <Form.Item name="endsAt" label={t('recurrence.firstEndsAt')} dependencies={['startsAt']} rules={[rule('endsAt')]}>
          <DateTimePicker />
        </Form.Item>
        <Form.Item name="capacity" label={t('createTask.capacity')} extra={t('createTask.capacityHint', { max: Limits.shiftCapacityMax })} rules={[rule('capacity')]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <RepeatFields name={['repeat']} start={['startsAt']} />
      <RecurrencePreview repeat={['repeat']} start={['startsAt']} end={['endsAt']} toIso={toZonedIso} />
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button htmlType="submit" loading={loading}>
        {t('recurrence.add')}
      </Button>
    </Form>
  );
}
