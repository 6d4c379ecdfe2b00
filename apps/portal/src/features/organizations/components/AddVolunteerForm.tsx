import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { useAddVolunteerToShiftMutation, useFindVolunteerByPhone } from '../api/add-volunteer';

/**
 * "Add a volunteer": someone who phoned in or signed a paper list. Find them by mobile
 * number, check it is the right person, then put them on the shift (a confirmed place; the
 * task's minimum age and mandatory skills apply, and they are told).
 */
export function AddVolunteerForm({ shiftId, label }: { shiftId: string; label: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string }>();
  const [find, found] = useFindVolunteerByPhone();
  const [add, adding] = useAddVolunteerToShiftMutation();
  const [added, setAdded] = useState<string | null>(null);
  // Who the last look-up found: undefined before one (or after the number changed), null for nobody.
  const [person, setPerson] = useState<{ id: string; displayName: string; phone: string | null } | null | undefined>(undefined);
  const { formError, showError, clearError } = useFormErrors(form, ['phone'], { aliases: { volunteerId: 'phone' } });
  const phoneId = `add-volunteer-phone-${shiftId}`;

  const onFind = async () => {
    clearError();
    setAdded(null);
    setPerson(undefined);
    try {
      const { phone } = await form.validateFields(['phone']);
      const res = await find({ variables: { phone: phone.trim() } });
      if (res.error) showError(res.error);
      else setPerson(res.data?.userByPhone ?? null);
    } catch {
      /* the field shows its own message */
    }
  };

  const onAdd = async () => {
    if (!person) return;
    clearError();
    try {
      await add({ variables: { input: { shiftId, volunteerId: person.id } } });
      setAdded(person.displayName);
      setPerson(undefined);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name={`add-volunteer-${shiftId}`} layout="vertical" requiredMark={false} onFinish={onFind} className="add-volunteer" aria-label={t('addVolunteer.formLabel', { label })}>
      <Form.Item label={t('addVolunteer.phone')} extra={t('addVolunteer.phoneHint')} htmlFor={phoneId} required>
        <div className="inline-field">
          <Form.Item name="phone" noStyle rules={[{ required: true, whitespace: true, message: t('auth.phoneRequired') }]}>
            <Input
              id={phoneId}
              type="tel"
              inputMode="numeric"
              onChange={() => {
                setAdded(null);
                setPerson(undefined);
              }}
            />
          </Form.Item>
          <Button htmlType="submit" loading={found.loading}>
            {t('addVolunteer.find')}
          </Button>
        </div>
      </Form.Item>
      <div aria-live="polite">
        {added ? <Alert type="success" showIcon title={t('addVolunteer.added', { name: added })} /> : null}
        {person ? <Alert type="info" showIcon title={t('addVolunteer.found', { name: person.displayName, phone: person.phone ?? '' })} /> : null}
        {person === null ? <Alert type="warning" showIcon title={t('addVolunteer.notFound')} /> : null}
      </div>
      {person ? (
        <Button onClick={() => void onAdd()} loading={adding.loading} className="form-alert">
          {t('addVolunteer.confirm', { name: person.displayName })}
        </Button>
      ) : null}
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
    </Form>
  );
}
