import { useState } from 'react';
import { Alert, Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllianceSettlementRate, useSetSettlementRateMutation } from '../api/settlement';
import { yuan } from '../hooks/code';
import { useIncentiveFormErrors } from '../hooks/errors';

/**
 * The alliance's settlement rate, for its steward's admins and officials: what a merchant is
 * paid per point redeemed, set in fen and shown as yuan per point.
 */
export function SettlementRatePanel({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const { data, error } = useAllianceSettlementRate(allianceId);
  const [setRate, saving] = useSetSettlementRateMutation();
  const [form] = Form.useForm<{ fenPerPoint: number }>();
  const { formError, showError, clearError } = useIncentiveFormErrors(form, ['fenPerPoint']);
  const [note, setNote] = useState<string | null>(null);
  const rate = data?.alliance?.settlementRateFen ?? null;
  const fen = Form.useWatch('fenPerPoint', form);

  const onFinish = async ({ fenPerPoint }: { fenPerPoint: number }) => {
    clearError();
    setNote(null);
    try {
      await setRate({ variables: { input: { allianceId, fenPerPoint } } });
      setNote(t('incentives.rate.saved', { amount: yuan(fenPerPoint) }));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="alliance-settlement-rate">
      <h2 id="alliance-settlement-rate">{t('incentives.rate.title')}</h2>
      <p>{rate != null ? t('incentives.rate.current', { amount: yuan(rate), fen: rate }) : t('incentives.rate.unset')}</p>
      <p className="hint">{t('incentives.rate.explain')}</p>
      {error ? <Alert type="error" showIcon role="alert" title={t('errors.codes.INTERNAL')} /> : null}
      <Form form={form} name="settlement-rate" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          name="fenPerPoint"
          label={t('incentives.rate.fen')}
          extra={typeof fen === 'number' ? t('incentives.rate.preview', { amount: yuan(fen) }) : t('incentives.rate.fenHint')}
          rules={[{ required: true, message: t('incentives.rate.required') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <Button htmlType="submit" loading={saving.loading}>
          {t('incentives.rate.save')}
        </Button>
        <div aria-live="polite">{note ? <p className="saved-note">{note}</p> : null}</div>
      </Form>
    </section>
  );
}
