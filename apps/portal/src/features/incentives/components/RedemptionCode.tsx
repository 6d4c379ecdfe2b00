import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../lib/ui';
import { groupRedemptionCode, normalizeRedemptionCode } from '../hooks/code';
import { minutesSeconds, useSecondsLeft } from '../hooks/countdown';

// The QR library the check-in codes use, loaded only when a code is shown.
const QRCodeSVG = lazy(() => import('qrcode.react').then((m) => ({ default: m.QRCodeSVG })));

/**
 * A redemption code to show at the counter: big and monospace in two groups of four, its QR
 * code (what the counter's camera reads) and the time left before it lapses.
 */
export function RedemptionCode({ code, expiresAt, title }: { code: string; expiresAt: string; title: string }) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(expiresAt);
  const plain = normalizeRedemptionCode(code);
  return (
    <div className="redemption-code">
      <p className="redemption-code-label">{t('incentives.code.label', { title })}</p>
      <p className="redemption-code-text" aria-label={t('incentives.code.spoken', { chars: plain.split('').join(' ') })}>
        {groupRedemptionCode(plain)}
      </p>
      <Suspense fallback={<Loading />}>
        <div className="qr">
          <QRCodeSVG value={plain} size={200} title={t('incentives.code.qr', { title })} role="img" aria-label={t('incentives.code.qr', { title })} />
        </div>
      </Suspense>
      {/* Not announced each second: the words change once a minute for screen readers. */}
      <p className="redemption-countdown" role="timer" aria-live="off">
        {seconds > 0 ? t('incentives.code.validFor', { time: minutesSeconds(seconds) }) : t('incentives.code.expired')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {seconds > 0 ? t('incentives.code.minutesLeft', { count: Math.ceil(seconds / 60) }) : t('incentives.code.expired')}
      </p>
      <p className="hint">{t('incentives.code.howTo')}</p>
    </div>
  );
}
