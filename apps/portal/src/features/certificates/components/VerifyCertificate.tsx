import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useVerifyCertificate } from '../api/verify-certificate';
import { CertificateStatusTag } from './CertificateStatus';

function Result({ serial }: { serial: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useVerifyCertificate(serial);
  if (!data && loading) return <Loading />;
  if (error) {
    const limited = apiErrors(error).find((e) => e.code === 'RATE_LIMITED');
    if (limited)
      return (
        <p className="verify-verdict verify-unknown" role="alert">
          {t('certificates.verify.rateLimited', { minutes: Math.max(1, Math.ceil((limited.retryAfterSeconds ?? 60) / 60)) })}
        </p>
      );
    return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  }
  const v = data?.verifyCertificate;
  if (!v)
    return (
      <p className="verify-verdict verify-unknown" role="status">
        {t('certificates.verify.unknown', { serial })}
      </p>
    );
  return (
    <section className="panel" aria-labelledby="verify-verdict">
      <p id="verify-verdict" className={`verify-verdict ${v.valid ? 'verify-valid' : 'verify-invalid'}`} role="status">
        {v.valid ? t('certificates.verify.valid') : t('certificates.verify.invalid')}
      </p>
      <p className="status-explain">{t(`certificates.verify.because.${v.status}`)}</p>
      <dl className="facts">
        <div>
          <dt>{t('certificates.verify.serial')}</dt>
          <dd>{v.serial}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.status')}</dt>
          <dd>
            <CertificateStatusTag status={v.status} />
          </dd>
        </div>
        <div>
          <dt>{t('certificates.verify.holder')}</dt>
          <dd>{v.holderName}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.organization')}</dt>
          <dd>{v.organizationName}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.minutes')}</dt>
          <dd>{f.hours(v.minutes)}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.issuedAt')}</dt>
          <dd>{v.issuedAt ? f.date(v.issuedAt) : t('certificates.verify.notIssued')}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The public page a certificate's QR code opens: is this certificate real and in force? */
export function VerifyCertificate({ serial }: { serial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ serial: string }>();
  return (
    <>
      <PageTitle>{t('certificates.verify.title')}</PageTitle>
      <p className="lead">{t('certificates.verify.lead')}</p>
      <Form
        form={form}
        name="verify-certificate"
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        initialValues={{ serial: serial ?? '' }}
        onFinish={(v) => navigate(`/verify/${encodeURIComponent(v.serial.trim())}`)}
      >
        <Form.Item name="serial" label={t('certificates.verify.serialLabel')} rules={[{ required: true, whitespace: true, message: t('certificates.verify.serialRequired') }, { max: 64, message: t('certificates.verify.serialTooLong') }]}>
          <Input autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Button htmlType="submit" type={serial ? 'default' : 'primary'}>
          {t('certificates.verify.check')}
        </Button>
      </Form>
      {serial ? <Result key={serial} serial={serial} /> : null}
    </>
  );
}
