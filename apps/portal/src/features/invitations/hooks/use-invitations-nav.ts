import { useEffect, useState } from 'react';
import { useMatch } from 'react-router';
import { usePendingInvitationCount } from '../api/pending-invitation-count';

/**
 * Whether the navigation shows the invitations item, and the count on its badge. It
 * appears with the first invitation waiting and then stays for the visit: answering
 * the last one must not pull the page's own item from under the person (nor hide the
 * way back to the answered ones).
 */
export function useInvitationsNav(signedIn: boolean, sessionLoaded = signedIn): { show: boolean; pending: number } {
  // The session's answer carries the count: wait for it and read the cache.
  const { data } = usePendingInvitationCount(!signedIn || !sessionLoaded, 'cache-first');
  const pending = signedIn ? (data?.pendingInvitationCount ?? 0) : 0;
  const onPage = useMatch('/invitations') !== null;
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (pending > 0 || onPage) setSeen(true);
  }, [pending, onPage]);
  useEffect(() => {
    if (!signedIn) setSeen(false);
  }, [signedIn]);
  return { show: signedIn && (pending > 0 || onPage || seen), pending };
}
