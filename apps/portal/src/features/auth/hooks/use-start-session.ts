import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth, type AuthPayloadFields } from '../../../lib/auth';
import { internalPath } from '../../../lib/routing';

/** After sign-in or sign-up: keep the session (and a new device token), refetch everything as the new person, go on. */
export function useStartSession() {
  const { signIn } = useAuth();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async (payload: AuthPayloadFields) => {
    signIn(payload);
    await client.resetStore().catch(() => undefined);
    navigate(internalPath(params.get('next')) ?? '/', { replace: true });
  };
}
