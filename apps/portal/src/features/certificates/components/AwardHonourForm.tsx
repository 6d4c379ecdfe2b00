import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useFormErrors } from '../../../lib/errors';
import { useDisplayName } from '../../../lib/i18n';
import type { AwardHonourMutation } from '../../../gql/graphql';
import { useAwardHonourMutation } from '../api/award-honour';
import { useHonourOffices } from '../api/honour-offices';

interface Values {
  organizationId?: string;
  title: string;
  reason: string;
}

const ADMIN_ROLES = new Set(['OWNER', 'ADMIN']);

/**
 * "Award an honour" on a volunteer's card: for the ADMINs of an organisation, in its name
 * (the one the card is seen from first), and for officials in the name of their street
 * office. Shows nothing to anyone else.
 */
export function AwardHonourForm({ userId, name, organizationId }: { userId: string; name: string; organizationId?: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [award, { loading }] = useAwardHonourMutation();
  const [done, setDone] = useState<AwardHonourMutation['awardHonour'] | null>(null);
  const { formError, showError, clearError } = useFormErrors(form, ['organizationId', 'title', 'reason']);
  const official = me?.role === 'OFFICIAL' || me?.role === 'ADMIN';
  const offices = useHonourOffices(!official);
  const choices = new Map<string, string>();
  for (const m of me?.memberships ?? []) if (ADMIN_ROLES.has(m.role)) choices.set(m.organization.id, show(m.organization));
  for (const b of offices.data?.myBudgets ?? []) choices.set(b.organization.id, show(b.organization));
  if (!choices.size) return null;
  const options = [...choices].map(([value, label]) => ({ value, label }));
  const preferred = organizationId && choices.has(organizationId) ? organizationId : options[0].value;
  return (
    <section className="award-honour" aria-labelledby={`award-${userId}`}>
      <h3 id={`award-${userId}`}>{t('honours.award.title', { name })}</h3>
      <div aria-live="polite">{done ? <p className="saved-note">{t('honours.award.done', { name, title: done.title })}</p> : null}</div>
      {!open ? (
        <Button
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {t('honours.award.open', { name })}
        </Button>
      ) : (
        <Form
          form={form}
          name={`award-honour-${userId}`}
          layout="vertical"
          requiredMark={false}
          initialValues={{ organizationId: preferred }}
          onFinish={async (v) => {
            clearError();
            try {
              const r = await award({ variables: { input: { userId, organizationId: v.organizationId!, title: v.title.trim(), reason: v.reason.trim() } } });
              setDone(r.data?.awardHonour ?? null);
              form.resetFields();
              setOpen(false);
            } catch (e) {
              showError(e);
            }
          }}
        >
          {options.length > 1 ? (
            <Form.Item name="organizationId" label={t('honours.award.organization')} rules={[{ required: true, message: t('honours.award.organizationRequired') }]}>
              <Select options={options} />
            </Form.Item>
          ) : (
            <Form.Item name="organizationId" hidden>
              <Input />
            </Form.Item>
          )}
          {options.length === 1 ? <p className="hint">{t('honours.award.inNameOf', { organization: options[0].label })}</p> : null}
          <Form.Item
            name="title"
            label={t('honours.award.honourTitle')}
            extra={t('honours.award.titleHint')}
            rules={[
              { required: true, whitespace: true, message: t('honours.award.titleRequired') },
              { max: 60, message: t('honours.maxLength', { max: 60 }) },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('honours.award.reason')}
            rules={[
              { required: true, whitespace: true, message: t('honours.award.reasonRequired') },
              { max: 500, message: t('honours.maxLength', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
          <div className="button-row">
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('honours.award.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </div>
        </Form>
      )}
    </section>
  );
}
