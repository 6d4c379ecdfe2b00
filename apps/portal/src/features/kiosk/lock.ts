/**
 * Kiosk mode's lock: while set, this browser shows only the kiosk of that shift, whatever
 * address is typed, until the coordinator leaves the kiosk (which signs the tablet out).
 * Kept in localStorage so a new tab on the shared tablet stays locked too.
 */
export const KIOSK_LOCK_KEY = 'civicgrid.kiosk';

export function kioskLock(): string | null {
  try {
    return window.localStorage.getItem(KIOSK_LOCK_KEY);
  } catch {
    return null;
  }
}

export function setKioskLock(shiftId: string | null): void {
  try {
    if (shiftId) window.localStorage.setItem(KIOSK_LOCK_KEY, shiftId);
    else window.localStorage.removeItem(KIOSK_LOCK_KEY);
  } catch {
    // Storage refused (private mode): the kiosk still works, unlocked.
  }
}
