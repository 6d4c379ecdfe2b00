import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../lib/auth';
import { kioskLock, setKioskLock } from '../../features/kiosk/lock';

/**
 * While a kiosk is locked on this browser, every address leads back to it: the shared
 * tablet never shows the coordinator's other pages. Signing out (leaving the kiosk, or the
 * session ending) lifts the lock.
 */
export function KioskLock({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const { pathname } = useLocation();
  const lock = kioskLock();
  useEffect(() => {
    if (!token && lock) setKioskLock(null);
  }, [token, lock]);
  if (token && lock && pathname !== `/kiosk/${lock}`) return <Navigate to={`/kiosk/${lock}`} replace />;
  return <>{children}</>;
}
