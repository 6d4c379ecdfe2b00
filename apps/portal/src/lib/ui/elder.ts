import { usePrefs } from '../prefs';

/**
 * Elder mode keeps one primary action per screen: buttons repeated in lists are plain
 * (but large and outlined) there, primary in normal mode.
 */
export function useListActionType(): 'primary' | 'default' {
  return usePrefs().elderMode ? 'default' : 'primary';
}
