import { useSyncExternalStore } from 'react';

/** Below this width the board's filters stack above its list (see styles.css, `.board`). */
const SMALL = '(max-width: 991.98px)';

/** True on a phone or narrow tablet: the board folds its filters into a sheet there. */
export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia(SMALL);
      mq.addEventListener?.('change', onChange);
      return () => mq.removeEventListener?.('change', onChange);
    },
    () => window.matchMedia(SMALL).matches,
    () => false,
  );
}
