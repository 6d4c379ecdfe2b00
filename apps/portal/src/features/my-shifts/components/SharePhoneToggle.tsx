import { useState } from 'react';
import { Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../lib/ui';
import { useShareClaimPhoneMutation } from '../api/share-claim-phone';

/** Share my phone with the organisers of this one shift, or take it back: they see it masked otherwise. */
export function SharePhoneToggle({ claimId, shared }: { claimId: string; shared: boolean }) {
  const { t } = useTranslation();
  const [share, { loading }] = useShareClaimPhoneMutation();
  const [error, setError] = useState<unknown>(null);
  const id = `share-phone-${claimId}`;
  return (
    <div className="share-phone">
      <Switch
        id={id}
        checked={shared}
        loading={loading}
        onChange={async (next) => {
          setError(null);
          try {
            await share({ variables: { input: { claimId, share: next } } });
          } catch (e) {
            setError(e);
          }
        }}
      />{' '}
      <label htmlFor={id}>{t('sharePhone.label')}</label>
      <p className="hint" aria-live="polite">
        {shared ? t('sharePhone.sharedHint') : t('sharePhone.maskedHint')}
      </p>
      <ErrorAlert error={error} />
    </div>
  );
}
