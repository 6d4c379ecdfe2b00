import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { ErrorAlert, LinkButton } from '../../../lib/ui';
import { useSupportNeedMutation } from '../api/support-need';

export interface SupportableNeed {
  id: string;
  title: string;
  status: string;
  supportCount: number;
  viewerSupports: boolean;
}

/** "+1" on a need: once per person, only while it is open; signed-out people are sent to sign in. */
export function SupportButton({ need }: { need: SupportableNeed }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [support, { loading }] = useSupportNeedMutation();
  const [error, setError] = useState<unknown>(null);
  const count = t('needs.supporters', { count: need.supportCount });
  if (!signedIn)
    return (
      <span className="support">
        <span>{count}</span>
        <LinkButton to="/signin" aria-label={t('needs.signInToSupport', { title: need.title })}>
          {t('needs.signInToSupportShort')}
        </LinkButton>
      </span>
    );
  if (need.viewerSupports)
    return (
      <span className="support">
        <Button disabled aria-label={t('needs.supportedFor', { title: need.title, n: need.supportCount })}>
          ✓ {t('needs.supported')} · {need.supportCount}
        </Button>
      </span>
    );
  return (
    <span className="support">
      <Button
        loading={loading}
        disabled={need.status !== 'OPEN'}
        aria-label={t('needs.supportFor', { title: need.title, n: need.supportCount })}
        onClick={async () => {
          setError(null);
          try {
            await support({ variables: { needId: need.id } });
          } catch (e) {
            setError(e);
          }
        }}
      >
        +1 · {need.supportCount}
      </Button>
      <ErrorAlert error={error} />
    </span>
  );
}
