import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The signed-in person's balances, star level and honours, for the wallet. */
export const WalletQuery = graphql(`
  query Wallet {
    me {
      id
      pointsBalance
      timeCreditMinutes
      starLevel
      verifiedServiceMinutes
      honours {
        id
        title
        reason
        awardedAt
        awardedBy {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useWallet(skip = false) {
  return useQuery(WalletQuery, { skip });
}
