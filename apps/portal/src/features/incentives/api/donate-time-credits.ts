import { useLazyQuery, useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { PointsHistoryQuery } from './points-history';
import { WalletQuery } from './wallet';

/** The resident to give time credits to, found by mobile number (which comes back masked). */
export const FindDonationRecipientQuery = graphql(`
  query FindDonationRecipient($phone: String!) {
    userByPhone(phone: $phone) {
      id
      displayName
      phone
    }
  }
`);

export const DonateTimeCreditsMutation = graphql(`
  mutation DonateTimeCredits($input: DonateTimeCreditsInput!) {
    donateTimeCredits(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

export function useFindDonationRecipient() {
  return useLazyQuery(FindDonationRecipientQuery, { fetchPolicy: 'network-only' });
}

export function useDonateTimeCreditsMutation() {
  // The donor's balance and history change: read them again.
  return useMutation(DonateTimeCreditsMutation, { refetchQueries: [WalletQuery, PointsHistoryQuery] });
}
