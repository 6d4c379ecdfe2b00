import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { DateTimePicker } from '../../../lib/ui';
import { useUpdateShiftMutation } from '../api/update-shift';
import { shiftProblems, type ShiftDraft } from './shift-rules';
import { fromZonedIso, toZonedIso } from './CreateTaskForm';


export interface EditableShift {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  place?: string | null;
}

/**
 * "Edit shift": its time (only before it starts; every claimant is told), its places (never
 * below the places taken: the API says so at the field) and where volunteers meet.
 */
export function EditShiftForm({ shift, started, label, onDone }: { shift: EditableShift; started: boolean; label: string; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShiftDraft>();
  const [update, { loading }] = useUpdateShiftMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['startsAt', 'endsAt', 'capacity', 'place']);
  const rule = (field: 'startsAt' | 'endsAt' | 'capacity' | 'place') => ({
    validator: () => {
      // A shift under way keeps its time, so only its places and meeting place are checked.
      if (started && (field === 'startsAt' || field === 'endsAt')) return Promise.resolve();
      const key = shiftProblems(form.getFieldsValue())[field];
      return key ? Promise.reject(new Error(t(key, { max: field === 'place' ? Limits.shiftPlaceMaxLength : Limits.shiftCapacityMax, hours: Limits.shiftMaxHours }))) : Promise.resolve();
    },
  });

  const onFinish = async (v: ShiftDraft) => {
    clearError();
    const startsAt = !started && v.startsAt ? toZonedIso(v.startsAt) : undefined;
    const endsAt = !started && v.endsAt ? toZonedIso(v.endsAt) : undefined;
    // Only a time that changed is sent: an unchanged one must not count as a move.
    const sameMinute = (a: string | undefined, b: string) => a === undefined || a === toZonedIso(fromZonedIso(b));
    try {
      await update({
        variables: {
          input: {
            id: shift.id,
            startsAt: sameMinute(startsAt, shift.startsAt) ? undefined : startsAt,
            endsAt: sameMinute(endsAt, shift.endsAt) ? undefined : endsAt,
            capacity: v.capacity ?? undefined,
            // An emptied place is cleared.
            place: v.place?.trim() || null,
          },
        },
      });
      onDone();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form
      form={form}
      name={`edit-shift-${shift.id}`}
      layout="vertical"
      requiredMark={false}
      className="shift-row"
      aria-label={t('editShift.formLabel', { label })}
      initialValues={{ startsAt: fromZonedIso(shift.startsAt), endsAt: fromZonedIso(shift.endsAt), capacity: shift.capacity, place: shift.place ?? '' }}
      onFinish={onFinish}
    >
      {started ? <p className="hint">{t('editShift.startedHint')}</p> : null}
      <Form.Item name="startsAt" label={t('createTask.startsAt')} dependencies={['endsAt']} rules={[rule('startsAt')]}>
        <DateTimePicker disabled={started} allowClear={false} />
      </Form.Item>
      <Form.Item name="endsAt" label={t('createTask.endsAt')} dependencies={['startsAt']} rules={[rule('endsAt')]}>
        <DateTimePicker disabled={started} allowClear={false} />
      </Form.Item>
      <Form.Item name="capacity" label={t('createTask.capacity')} extra={t('editShift.capacityHint', { max: Limits.shiftCapacityMax })} rules={[rule('capacity')]}>
        <InputNumber style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('createTask.place')} className="shift-place-item" extra={t('createTask.placeHint')} rules={[rule('place')]}>
        <Input />
      </Form.Item>
      {!started ? <p className="hint">{t('editShift.toldHint')}</p> : null}
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div className="button-row">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('editShift.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
