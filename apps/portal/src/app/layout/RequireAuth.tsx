import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../../lib/auth';

/** Pages for signed-in people send others to sign in, and back afterwards. */
export function RequireAuth() {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
