import type { ReactNode } from 'react';
import { Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../lib/prefs';

/**
 * Kiosk mode's frame: the page alone, full screen, with no navigation to the rest of the
 * portal; only elder mode can be switched (large type for whoever stands at the tablet).
 */
export function KioskLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return (
    <div className="kiosk-shell">
      <header className="kiosk-header">
        <span className="brand">{t('app.name')}</span>
        <span className="kiosk-badge">{t('kiosk.badge')}</span>
        <label className="elder-toggle" htmlFor="elder-switch">
          <Switch id="elder-switch" checked={prefs.elderMode} onChange={(on) => prefs.setElderMode(on)} />
          <span>{t('header.elderMode')}</span>
        </label>
      </header>
      <main id="main" className="kiosk-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
