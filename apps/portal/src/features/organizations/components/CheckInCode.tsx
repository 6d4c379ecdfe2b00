import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../lib/ui';

const QRCodeSVG = lazy(() => import('qrcode.react').then((m) => ({ default: m.QRCodeSVG })));

/**
 * The shift's check-in code for coordinators, large, with an optional QR code to show on
 * site. With `url` (the portal's check-in page for the shift, code included) the QR code
 * opens that page on a volunteer's phone, and the link is shown as text too.
 */
export function CheckInCode({ code, label, url, qrShown = false }: { code: string; label: string; url?: string; qrShown?: boolean }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState(qrShown);
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
            <QRCodeSVG value={url ?? code} size={192} title={t('manage.qrTitle', { label })} role="img" aria-label={t('manage.qrTitle', { label })} />
          </div>
        </Suspense>
      ) : null}
      {url ? (
        <p className="check-in-url" data-check-in-url={url}>
          {t('shiftPage.checkInLink')}: <span className="url-text">{url}</span>
        </p>
      ) : null}
    </div>
  );
}
