import { createRoot } from 'react-dom/client';
import { initI18n, loadAntdLocale, loadDayjsLocale } from './lib/i18n';
import { readStoredPrefs } from './lib/prefs/stored';
import { setDayjsLocale, setTimeZone } from './lib/time';
import { App } from './app/App';
import './styles.css';

async function start() {
  const prefs = readStoredPrefs();
  setTimeZone(prefs.timeZone);
  document.documentElement.lang = prefs.locale;
  document.body.classList.toggle('elder', prefs.elderMode);
  const [antdLocale, dayjsLocale] = await Promise.all([loadAntdLocale(prefs.locale), loadDayjsLocale(prefs.locale), initI18n(prefs.locale)]);
  setDayjsLocale(dayjsLocale);
  createRoot(document.getElementById('root')!).render(<App prefs={prefs} antdLocale={antdLocale} />);
}

void start();
