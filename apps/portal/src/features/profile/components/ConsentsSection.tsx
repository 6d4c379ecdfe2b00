import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert } from '../../../lib/ui';
import { useMyConsents } from '../api/my-consents';

/** The consents I gave: which privacy notice, the terms, my choices, and when. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, error } = useMyConsents();
  const consents = data?.me?.consents ?? [];
  return (
    <section className="panel" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('consent.myTitle')}</h2>
      <ErrorAlert error={error} />
      {data && !consents.length ? <p className="hint">{t('consent.none')}</p> : null}
      <ul className="plain-list">
        {consents.map((c) => (
          <li key={c.id}>
            <p className="record-title">{t('consent.version', { version: c.privacyNoticeVersion })}</p>
            <p className="hint">{t('consent.recordedAt', { when: f.dateTime(c.recordedAt) })}</p>
            <p>{[c.termsAccepted ? t('consent.termsAccepted') : null, c.contactBySms ? t('consent.smsYes') : t('consent.smsNo')].filter(Boolean).join(t('common.listSeparator'))}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
