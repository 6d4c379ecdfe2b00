import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { dayWithin, reportableDays } from '../../../lib/time';
import { ErrorAlert } from '../../../lib/ui';
import { useFindVolunteerByPhone } from '../api/find-volunteer';
import { useRecordServiceHoursMutation } from '../api/record-service-hours';

interface Values {
  date: string;
  minutes: number;
  description: string;
}
type Volunteer = { id: string; displayName: string; phone: string | null };
const characters = (s: string) => [...s].length;

/**
 * "Add hours for a volunteer" (a paper sign-in sheet): find the volunteer by mobile
 * number, then record the day, the minutes and what was done. Verified at once by the
 * coordinator (and audited); the volunteer is told.
 */
export function RecordHoursForm({ organizationId, selfId }: { organizationId: string; selfId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [phone, setPhone] = useState('');
  const [volunteer, setVolunteer] = useState<Volunteer | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [find, findState] = useFindVolunteerByPhone();
  const [record, { loading }] = useRecordServiceHoursMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['date', 'minutes', 'description']);
  const [done, setDone] = useState<string | null>(null);
  const days = reportableDays(Limits.reportedServiceMaxAgeDays);

  const lookUp = async () => {
    setLookupError(null);
    setNotFound(false);
    setVolunteer(null);
    setDone(null);
    try {
      const { data } = await find({ variables: { phone: phone.trim() } });
      if (data?.userByPhone) setVolunteer(data.userByPhone);
      else setNotFound(true);
    } catch (e) {
      setLookupError(e);
    }
  };

  const onFinish = async (v: Values) => {
    if (!volunteer) return;
    clearError();
    try {
      await record({ variables: { input: { organizationId, volunteerId: volunteer.id, date: v.date, minutes: v.minutes, description: v.description.trim() } } });
      setDone(t('recordHours.done', { name: volunteer.displayName, count: v.minutes }));
      setVolunteer(null);
      setPhone('');
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div className="record-hours">
      <Form layout="vertical" component="div">
        <Form.Item label={t('recordHours.phone')} htmlFor="record-hours-phone" extra={t('recordHours.phoneHint')}>
          <Input
            id="record-hours-phone"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              void lookUp();
            }}
          />
        </Form.Item>
        <Button onClick={() => void lookUp()} loading={findState.loading} disabled={!phone.trim()}>
          {t('recordHours.find')}
        </Button>
      </Form>
      <ErrorAlert error={lookupError} />
      <div aria-live="polite">
        {notFound ? <Alert type="warning" showIcon title={t('recordHours.notFound')} className="form-alert" /> : null}
        {done ? <Alert type="success" showIcon title={done} className="form-alert" /> : null}
      </div>
      {volunteer ? (
        volunteer.id === selfId ? (
          <Alert type="info" showIcon title={t('recordHours.notYourself')} className="form-alert" />
        ) : (
          <Form form={form} name="record-hours" layout="vertical" requiredMark={false} onFinish={onFinish}>
            <p className="found-person">{t('recordHours.for', { name: volunteer.displayName, phone: volunteer.phone ?? '' })}</p>
            <Form.Item
              name="date"
              label={t('reportHours.date')}
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
              rules={[
                { required: true, whitespace: true, message: t('reportHours.descriptionRequired') },
                {
                  validator: (_, v: string | undefined) =>
                    characters((v ?? '').trim()) > Limits.serviceDescriptionMaxLength ? Promise.reject(new Error(t('validation.maxLength', { max: Limits.serviceDescriptionMaxLength }))) : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
            <Button htmlType="submit" loading={loading}>
              {t('recordHours.submit', { name: volunteer.displayName })}
            </Button>
          </Form>
        )
      ) : null}
    </div>
  );
}
