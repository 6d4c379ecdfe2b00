import { useTranslation } from 'react-i18next';
import { Pill, type Tone } from '../../../lib/ui';
import { useFormatters } from '../../../lib/time';
import type { CertificateStatus } from '../../../gql/graphql';

const TONE: Record<CertificateStatus, Tone> = { REQUESTED: 'blue', PUBLICITY: 'amber', ISSUED: 'green', REJECTED: 'red', REVOKED: 'grey' };

export function CertificateStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return <Pill tone={TONE[status]}>{t(`certificates.status.${status}`)}</Pill>;
}

/** What the status means for the holder, in one plain sentence. */
export function CertificateStatusLine({ cert }: { cert: { status: CertificateStatus; publicityEndsAt: string | null; reason: string | null } }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const text = t(`certificates.statusLine.${cert.status}`, { date: cert.publicityEndsAt ? f.date(cert.publicityEndsAt) : '' });
  return (
    <p className="status-explain">
      {text}
      {cert.reason && (cert.status === 'REJECTED' || cert.status === 'REVOKED') ? ` ${t('certificates.reasonGiven', { reason: cert.reason })}` : null}
    </p>
  );
}

/** Minutes by kind: checked in on site, and reported (both count for the certificate). */
export function MinutesByKind({ cert }: { cert: { minutes: number; checkedInMinutes: number; reportedMinutes: number } }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return <span>{t('certificates.minutesByKind', { total: f.hours(cert.minutes), checkedIn: f.hours(cert.checkedInMinutes), reported: f.hours(cert.reportedMinutes) })}</span>;
}
