import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import type { ProfileQuery } from '../../../gql/graphql';
import { useUpdateProfileMutation } from '../api/update-profile';
import { birthDateProblem, minuteLabel, TIME_STEPS, windowProblem, type WindowDraft } from './availability';

type Me = NonNullable<ProfileQuery['me']>;

interface Values {
  availability: WindowDraft[];
  birthDate?: string;
}

/** When I am usually free (weekly, local time) and my birth date (private; some shifts have an age limit). */
export function AvailabilityForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [save, { loading }] = useUpdateProfileMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['availability', 'birthDate']);
  const [saved, setSaved] = useState(false);
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: d, label: t(`weekday.${d}`) }));
  const times = TIME_STEPS.map((m) => ({ value: m, label: minuteLabel(m) }));
  return (
    <Form
      form={form}
      name="availability"
      layout="vertical"
      requiredMark={false}
      aria-labelledby="availability-heading"
      initialValues={{ availability: me.availability.map((w) => ({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.endMinute })), birthDate: me.birthDate ?? '' }}
      onValuesChange={() => setSaved(false)}
      onFinish={async (v) => {
        clearError();
        try {
          await save({
            variables: {
              input: {
                availability: (v.availability ?? []).map((w) => ({ weekday: w.weekday!, startMinute: w.startMinute!, endMinute: w.endMinute! })),
                birthDate: v.birthDate?.trim() || undefined,
              },
            },
          });
          setSaved(true);
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.List name="availability">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 ? <p className="hint">{t('availability.none')}</p> : null}
            {fields.map((field, i) => (
              <div key={field.key} className="shift-row inline-fields" role="group" aria-label={t('availability.windowN', { n: i + 1 })}>
                <Form.Item name={[field.name, 'weekday']} label={t('availability.weekday')} rules={[{ required: true, message: t('availability.weekdayRequired') }]}>
                  <Select options={weekdays} />
                </Form.Item>
                <Form.Item name={[field.name, 'startMinute']} label={t('availability.from')} rules={[{ required: true, message: t('availability.timeRequired') }]}>
                  <Select options={times.slice(0, -1)} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'endMinute']}
                  label={t('availability.to')}
                  dependencies={[['availability', field.name, 'startMinute']]}
                  rules={[
                    {
                      validator: () => {
                        const key = windowProblem(form.getFieldValue(['availability', field.name]) ?? {});
                        return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
                      },
                    },
                  ]}
                >
                  <Select options={times.slice(1)} />
                </Form.Item>
                <Button danger onClick={() => remove(field.name)}>
                  {t('availability.remove', { n: i + 1 })}
                </Button>
              </div>
            ))}
            <Button onClick={() => add({ weekday: 5, startMinute: 540, endMinute: 720 })}>{t('availability.add')}</Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="birthDate"
        label={t('availability.birthDate')}
        extra={t('availability.birthDateHint')}
        rules={[{ validator: (_, v: string | undefined) => { const k = birthDateProblem(v?.trim()); return k ? Promise.reject(new Error(t(k))) : Promise.resolve(); } }]}
      >
        <Input placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="bday" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{saved ? <p className="saved-note">{t('profile.saved')}</p> : null}</div>
      <Button htmlType="submit" loading={loading} size="large">
        {t('availability.save')}
      </Button>
    </Form>
  );
}
