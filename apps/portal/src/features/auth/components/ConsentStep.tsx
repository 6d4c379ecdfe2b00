import { useEffect, useRef } from 'react';
import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';

const NOTICE_SECTIONS = ['collect', 'use', 'share', 'keep', 'rights'] as const;

/** Must be ticked: the rule for a required checkbox. */
const mustTick = (message: string) => ({ validator: (_: unknown, value: unknown) => (value === true ? Promise.resolve() : Promise.reject(new Error(message))) });

/**
 * The privacy step of sign-up: the notice itself (its words in each language, for the
 * version the API serves), the two agreements sign-up needs and one optional choice.
 */
export function ConsentStep({ version }: { version?: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving at the step, the reader starts at its heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="consent-heading" className="consent-step">
      <h2 id="consent-heading" ref={heading} tabIndex={-1}>
        {t('consent.title')}
      </h2>
      <div className="consent-notice" role="document" tabIndex={0} aria-label={t('consent.noticeLabel')}>
        <p>{t('consent.notice.intro')}</p>
        {NOTICE_SECTIONS.map((s) => (
          <div key={s}>
            <h3>{t(`consent.notice.${s}Title`)}</h3>
            <p>{t(`consent.notice.${s}`)}</p>
          </div>
        ))}
        {version ? <p className="hint">{t('consent.version', { version })}</p> : null}
      </div>
      <Form.Item name="acceptPrivacy" valuePropName="checked" rules={[mustTick(t('consent.privacyRequired'))]} className="check-item">
        <Checkbox>{t('consent.acceptPrivacy')}</Checkbox>
      </Form.Item>
      <Form.Item name="acceptTerms" valuePropName="checked" rules={[mustTick(t('consent.termsRequired'))]} className="check-item">
        <Checkbox>{t('consent.acceptTerms')}</Checkbox>
      </Form.Item>
      <Form.Item name="contactBySms" valuePropName="checked" className="check-item" extra={t('consent.contactBySmsHint')}>
        <Checkbox>{t('consent.contactBySms')}</Checkbox>
      </Form.Item>
    </section>
  );
}
