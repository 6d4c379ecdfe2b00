import { useState } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../lib/ui';
import { useSignOut } from '../api/logout';

/** Sign out here, or on every device (after a confirmation). */
export function AccountSection() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'here' | 'everywhere' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const onSignOut = async () => {
    setBusy('here');
    await signOut();
    navigate('/', { replace: true });
  };

  const onSignOutEverywhere = () =>
    modal.confirm({
      title: t('account.everywhereConfirmTitle'),
      content: t('account.everywhereConfirmBody'),
      okText: t('account.signOutEverywhere'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setError(null);
        setBusy('everywhere');
        try {
          await signOut({ everywhere: true });
          navigate('/', { replace: true });
        } catch (e) {
          setBusy(null);
          setError(e);
        }
      },
    });

  return (
    <section className="panel" aria-labelledby="signout-heading">
      <h2 id="signout-heading">{t('profile.account')}</h2>
      <p className="hint">{t('account.lead')}</p>
      <ErrorAlert error={error} />
      <div className="button-row">
        <Button onClick={() => void onSignOut()} loading={busy === 'here'} disabled={busy === 'everywhere'}>
          {t('nav.signOut')}
        </Button>
        <Button danger onClick={onSignOutEverywhere} loading={busy === 'everywhere'} disabled={busy === 'here'}>
          {t('account.signOutEverywhere')}
        </Button>
      </div>
    </section>
  );
}
