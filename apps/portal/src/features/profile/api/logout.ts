import { useCallback } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { useAuth } from '../../../lib/auth';
import { apiErrors } from '../../../lib/errors';

/** Ends this session, or every session of mine (`everywhere`), on the API. */
export const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput) {
    logout(input: $input)
  }
`);

export function useLogoutMutation() {
  return useMutation(LogoutMutation);
}

/**
 * Signs out: tells the API first (so the tokens stop working at once), then forgets the
 * session here (the app's providers clear the cached data on `signedOut`); the device token
 * stays. Signing out of this device never waits on the API (its errors are ignored); signing
 * out `everywhere` rejects when the API could not do it, and this device stays signed in, so
 * nobody is told their other devices are signed out when they are not (unless this session
 * had already ended).
 */
export function useSignOut() {
  const [logout] = useLogoutMutation();
  const { signOut } = useAuth();
  return useCallback(
    async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
      try {
        await logout({ variables: { input: { everywhere } } });
      } catch (e) {
        if (everywhere && !apiErrors(e).some((x) => x.code === 'UNAUTHENTICATED')) throw e;
      }
      signOut();
    },
    [logout, signOut],
  );
}
