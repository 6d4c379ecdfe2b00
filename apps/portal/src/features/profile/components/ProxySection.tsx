import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, useListActionType } from '../../../lib/ui';
import type { ProfileQuery } from '../../../gql/graphql';
import { useFindUserByPhone } from '../api/find-user';
import { useGrantProxyMutation } from '../api/grant-proxy';
import { useRevokeProxyMutation } from '../api/revoke-proxy';

type Grant = NonNullable<ProfileQuery['me']>['proxyGrants'][number];

/** The people I let act for me (代办), with the consent I gave; grant and withdraw. */
export function ProxySection({ grants }: { grants: readonly Grant[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { modal, message } = App.useApp();
  const buttonType = useListActionType();
  const active = grants.filter((g) => !g.revokedAt);
  const [revoke, revokeState] = useRevokeProxyMutation();
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const [form] = Form.useForm<{ phone: string; consentNote: string }>();
  const [find, found] = useFindUserByPhone();
  const [grant, grantState] = useGrantProxyMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['phone', 'consentNote'], { aliases: { proxyUserId: 'phone' } });
  const person = found.data?.userByPhone ?? null;
  const searched = found.called && !found.loading && !found.error;

  const onFind = async () => {
    clearError();
    try {
      const { phone } = await form.validateFields(['phone']);
      const res = await find({ variables: { phone: phone.trim() } });
      if (res.error) showError(res.error);
    } catch {
      /* the field shows its own message */
    }
  };

  const onGrant = async ({ consentNote }: { consentNote: string }) => {
    if (!person) return;
    clearError();
    try {
      await grant({ variables: { input: { proxyUserId: person.id, consentNote: consentNote.trim() } } });
      void message.success(t('proxy.granted', { name: person.displayName }));
      form.resetFields();
      found.client.cache.evict({ fieldName: 'userByPhone' });
    } catch (e) {
      showError(e);
    }
  };

  const onRevoke = (g: Grant) =>
    modal.confirm({
      title: t('proxy.revokeConfirmTitle', { name: g.proxy.displayName }),
      content: t('proxy.revokeConfirmBody'),
      okText: t('proxy.revoke'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setRevokeError(null);
        try {
          await revoke({ variables: { input: { proxyUserId: g.proxy.id } } });
        } catch (e) {
          setRevokeError(e);
        }
      },
    });

  return (
    <section className="panel" aria-labelledby="proxy-heading">
      <h2 id="proxy-heading">{t('proxy.title')}</h2>
      <p className="hint">{t('proxy.explain')}</p>
      <h3>{t('proxy.current')}</h3>
      {active.length === 0 ? <EmptyState text={t('proxy.none')} /> : null}
      <ul className="plain-list">
        {active.map((g) => (
          <li key={g.id} className="grant-row">
            <div>
              <strong>{g.proxy.displayName}</strong> <span>{g.proxy.phone}</span>
              <p className="hint">{t('proxy.grantedAt', { date: f.date(g.grantedAt) })}</p>
              <p className="consent">{g.consentNote}</p>
            </div>
            <Button danger onClick={() => onRevoke(g)} loading={revokeState.loading}>
              {t('proxy.revoke')}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={revokeError} />
      <h3>{t('proxy.add')}</h3>
      <Form form={form} name="grant-proxy" layout="vertical" onFinish={onGrant} requiredMark={false}>
        <Form.Item label={t('proxy.phone')} extra={t('proxy.phoneHint')} required>
          <div className="inline-field">
            <Form.Item name="phone" noStyle rules={[{ required: true, message: t('auth.phoneRequired') }]}>
              <Input type="tel" inputMode="numeric" aria-label={t('proxy.phone')} />
            </Form.Item>
            <Button onClick={onFind} loading={found.loading}>
              {t('proxy.find')}
            </Button>
          </div>
        </Form.Item>
        <div aria-live="polite">
          {searched && person ? <Alert type="success" showIcon title={t('proxy.found', { name: person.displayName, phone: person.phone ?? '' })} /> : null}
          {searched && !person ? <Alert type="warning" showIcon title={t('proxy.notFound')} /> : null}
        </div>
        {person ? (
          <>
            <Form.Item
              name="consentNote"
              label={t('proxy.consentNote')}
              extra={t('proxy.consentHint')}
              rules={[
                { required: true, whitespace: true, message: t('proxy.consentRequired') },
                { min: Limits.consentNoteMinLength, message: t('validation.minLength', { min: Limits.consentNoteMinLength }) },
                { max: Limits.consentNoteMaxLength, message: t('validation.maxLength', { max: Limits.consentNoteMaxLength }) },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type={buttonType} htmlType="submit" loading={grantState.loading}>
              {t('proxy.grant', { name: person.displayName })}
            </Button>
          </>
        ) : null}
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      </Form>
    </section>
  );
}
