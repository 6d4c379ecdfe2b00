import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../profile/api/logout';

/** Sign out of this device from the header: the API ends the session, the cached data and tokens here are dropped. */
export function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      className="header-sign-out"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOut();
        navigate('/', { replace: true });
      }}
    >
      {t('nav.signOut')}
    </Button>
  );
}
