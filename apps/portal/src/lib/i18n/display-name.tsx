import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/** A name that comes from data (a region, organisation, alliance), with its English alias when it has one. */
export interface Named {
  name: string;
  nameEn?: string | null;
}

type Convert = (text: string) => string;

let toTraditional: Convert | null = null;
let loading: Promise<Convert> | null = null;
const listeners = new Set<() => void>();

/**
 * Loads the Simplified → Traditional converter (OpenCC, with Taiwan's character forms).
 * Its dictionaries are large, so they are fetched only when someone reads in zh-TW.
 * Names keep their own words: the `tw` target changes characters, not vocabulary
 * (社区 becomes 社區, not 社群), which is right for proper names.
 */
export function loadTraditionalConverter(): Promise<Convert> {
  loading ??= import('opencc-js/cn2t').then(({ Converter }) => {
    const convert = Converter({ from: 'cn', to: 'tw' });
    const seen = new Map<string, string>();
    toTraditional = (text) => {
      let out = seen.get(text);
      if (out === undefined) {
        out = convert(text);
        seen.set(text, out);
      }
      return out;
    };
    listeners.forEach((l) => l());
    return toTraditional;
  });
  loading.catch(() => {
    // A chunk that failed to load may load on the next try.
    loading = null;
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How a name from data reads in a language: English readers get the English alias when
 * there is one, zh-TW readers the name in Traditional characters (once the converter has
 * loaded; the name as stored until then), zh-CN readers the name as stored.
 */
export function displayName(thing: Named | string | null | undefined, language: string, convert: Convert | null = toTraditional): string {
  if (thing == null) return '';
  const { name, nameEn } = typeof thing === 'string' ? { name: thing, nameEn: null } : thing;
  if (language === 'en') return nameEn?.trim() ? nameEn : name;
  if (language === 'zh-TW' && convert) return convert(name);
  return name;
}

/** The display function for the current language; components re-render once the zh-TW converter arrives. */
export function useDisplayName(): (thing: Named | string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const convert = useSyncExternalStore(subscribe, () => toTraditional);
  useEffect(() => {
    if (language === 'zh-TW') void loadTraditionalConverter().catch(() => undefined);
  }, [language]);
  return useCallback((thing: Named | string | null | undefined) => displayName(thing, language, convert), [language, convert]);
}

/** A name from data, shown in the reader's language (see `displayName`). */
export function DisplayName({ of }: { of: Named | string | null | undefined }) {
  const show = useDisplayName();
  return <>{show(of)}</>;
}
