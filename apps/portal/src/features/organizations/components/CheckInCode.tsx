import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../lib/ui';

const QRCodeSVG = lazy(() => import('qrcode.react').then((m) => ({ default: m.QRCodeSVG })));

/** The shift's check-in code for coordinators, large, with an optional QR code to show on site. */
export function CheckInCode({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState(false);
  return (
    <div className="checkin-code">
      <p>
        {t('manage.code')}: <strong className="code-digits" aria-label={t('manage.codeSpoken', { digits: code.split('').join(' ') })}>{code}</strong>
      </p>
      <Button onClick={() => setQr((v) => !v)} aria-expanded={qr}>
        {qr ? t('manage.hideQr') : t('manage.showQr')}
      </Button>
      {qr ? (
        <Suspense fallback={<Loading />}>
          <div className="qr">
            <QRCodeSVG value={code} size={192} title={t('manage.qrTitle', { label })} role="img" aria-label={t('manage.qrTitle', { label })} />
          </div>
        </Suspense>
      ) : null}
    </div>
  );
}
