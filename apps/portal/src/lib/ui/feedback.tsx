import { Alert, Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrors, translateApiError } from '../errors';

/** A translated alert for a failed request (network or API error). */
export function ErrorAlert({ error, onRetry, className }: { error: unknown; onRetry?: () => void; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = apiErrors(error)
    .map((e) => (e.code === 'NETWORK' ? t('errors.network') : translateApiError(t, e)))
    .join(' ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text}
      className={className}
      action={
        onRetry ? (
          <Button onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <Spin />
      <span className="loading-text">{t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ text, children }: { text: string; children?: React.ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {children}
    </Empty>
  );
}
