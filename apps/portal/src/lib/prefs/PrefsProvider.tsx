import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConfigProviderProps } from 'antd';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;
import { changeLanguage, loadAntdLocale, loadDayjsLocale, isLocale, type Locale } from '../i18n';
import { setDayjsLocale, setTimeZone } from '../time';
import { useSession } from '../auth/session';
import { useAuth } from '../auth/AuthProvider';
import { storePrefs, type Prefs } from './stored';
import { useUpdatePreferences } from './api/update-preferences';

export interface PrefsState extends Prefs {
  antdLocale: AntdLocale;
  setLocale(locale: Locale): Promise<void>;
  setElderMode(on: boolean): void;
  setTimeZone(zone: string): void;
  /** Adopt values just saved on the profile (no second request). */
  adopt(p: Partial<Prefs>): void;
}

const PrefsContext = createContext<PrefsState | null>(null);

/**
 * Language, elder mode and time zone: kept in localStorage, and on the profile once signed
 * in (the profile's values win when a session starts).
 */
export function PrefsProvider({ initial, initialAntdLocale, children }: { initial: Prefs; initialAntdLocale: AntdLocale; children: ReactNode }) {
  const [prefs, setPrefs] = useState<Prefs>(initial);
  const [antdLocale, setAntdLocale] = useState<AntdLocale>(initialAntdLocale);
  const { me } = useSession();
  const { token } = useAuth();
  const [save] = useUpdatePreferences();
  const syncedFor = useRef<string | null>(null);

  const applyLocale = useCallback(async (locale: Locale) => {
    const [antd, dl] = await Promise.all([loadAntdLocale(locale), loadDayjsLocale(locale), changeLanguage(locale)]);
    setDayjsLocale(dl);
    setAntdLocale(antd);
  }, []);

  const update = useCallback((p: Partial<Prefs>) => {
    setPrefs((old) => {
      const next = { ...old, ...p };
      // A language given here is a choice (the switcher, the profile); elder mode or the zone alone is not.
      storePrefs(next, { localeChosen: p.locale !== undefined });
      return next;
    });
  }, []);

  // When a session starts, take the language and elder mode remembered on the profile.
  useEffect(() => {
    if (!me || syncedFor.current === me.id) return;
    syncedFor.current = me.id;
    const locale = isLocale(me.locale) ? me.locale : prefs.locale;
    if (locale !== prefs.locale) void applyLocale(locale);
    update({ locale, elderMode: me.elderMode });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me?.id]);
  useEffect(() => {
    if (!token) syncedFor.current = null;
  }, [token]);

  useEffect(() => {
    document.documentElement.lang = prefs.locale;
    document.body.classList.toggle('elder', prefs.elderMode);
    setTimeZone(prefs.timeZone);
  }, [prefs.locale, prefs.elderMode, prefs.timeZone]);

  const value = useMemo<PrefsState>(
    () => ({
      ...prefs,
      antdLocale,
      async setLocale(locale) {
        await applyLocale(locale);
        update({ locale });
        if (me) void save({ variables: { input: { locale } } }).catch(() => undefined);
      },
      setElderMode(on) {
        update({ elderMode: on });
        if (me) void save({ variables: { input: { elderMode: on } } }).catch(() => undefined);
      },
      setTimeZone(zone) {
        setTimeZone(zone);
        update({ timeZone: zone });
      },
      adopt(p) {
        if (p.locale && p.locale !== prefs.locale) void applyLocale(p.locale);
        update(p);
      },
    }),
    [prefs, antdLocale, applyLocale, update, me, save],
  );

  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): PrefsState {
  const ctx = useContext(PrefsContext);
  if (!ctx) throw new Error('usePrefs outside PrefsProvider');
  return ctx;
}
