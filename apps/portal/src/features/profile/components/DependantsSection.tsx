import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { yearsSince } from '../../../lib/time';
import { EmptyState, useListActionType } from '../../../lib/ui';
import type { ProfileQuery } from '../../../gql/graphql';
import { useAddDependantMutation } from '../api/add-dependant';
import { birthDateProblem } from './availability';

type Dependant = NonNullable<ProfileQuery['me']>['dependants'][number];

interface Values {
  displayName: string;
  birthDate: string;
}

/**
 * "Family members under my account": children who have no phone of their own. I sign them
 * up here and then act for them (claims, check-ins) as I would for anyone who made me
 * their proxy, alone or with me ("Sign up with family or friends" on a task).
 */
export function DependantsSection({ dependants }: { dependants: readonly Dependant[] }) {
  const { t } = useTranslation();
  const buttonType = useListActionType();
  const [form] = Form.useForm<Values>();
  const [add, { loading }] = useAddDependantMutation();
  const [added, setAdded] = useState<string | null>(null);
  const { formError, showError, clearError } = useFormErrors(form, ['displayName', 'birthDate']);

  const onFinish = async (v: Values) => {
    clearError();
    setAdded(null);
    try {
      const { data } = await add({ variables: { input: { displayName: v.displayName.trim(), birthDate: v.birthDate.trim() } } });
      if (data) setAdded(data.addDependant.displayName);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  const birthDateRule = {
    validator: (_: unknown, value: string | undefined) => {
      const v = value?.trim();
      if (!v) return Promise.reject(new Error(t('dependants.birthDateRequired')));
      const key = birthDateProblem(v) ?? (yearsSince(v) >= Limits.adultAge ? 'dependants.adult' : null);
      return key ? Promise.reject(new Error(t(key, { age: Limits.adultAge }))) : Promise.resolve();
    },
  };

  return (
    <section className="panel" aria-labelledby="dependants-heading">
      <h2 id="dependants-heading">{t('dependants.title')}</h2>
      <p className="hint">{t('dependants.explain', { age: Limits.adultAge })}</p>
      {dependants.length === 0 ? <EmptyState text={t('dependants.none')} /> : null}
      <ul className="plain-list">
        {dependants.map((d) => (
          <li key={d.id} className="record-row">
            <strong className="record-title">{d.displayName}</strong>
            <span>{d.birthDate ? t('dependants.age', { count: yearsSince(d.birthDate) }) : null}</span>
          </li>
        ))}
      </ul>
      <h3>{t('dependants.add')}</h3>
      <Form form={form} name="add-dependant" layout="vertical" requiredMark={false} onFinish={onFinish} onValuesChange={() => setAdded(null)}>
        <Form.Item
          name="displayName"
          label={t('dependants.name')}
          rules={[
            { required: true, whitespace: true, message: t('dependants.nameRequired') },
            { max: Limits.displayNameMaxLength, message: t('validation.maxLength', { max: Limits.displayNameMaxLength }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="birthDate" label={t('dependants.birthDate')} extra={t('dependants.birthDateHint')} rules={[birthDateRule]}>
          <Input placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="off" />
        </Form.Item>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <div aria-live="polite">{added ? <p className="saved-note">{t('dependants.added', { name: added })}</p> : null}</div>
        <Button type={buttonType} htmlType="submit" loading={loading}>
          {t('dependants.submit')}
        </Button>
      </Form>
    </section>
  );
}
