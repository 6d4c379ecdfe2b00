import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, which also names the browser tab. */
export function PageTitle({ children, extra, title }: { children: ReactNode; extra?: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  }, [text, t]);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
