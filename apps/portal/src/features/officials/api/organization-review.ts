import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The officials' last word on an organisation, as the desk row shows it after a decision. */
export const DeskOrganizationFields = graphql(`
  fragment DeskOrganizationFields on Organization {
    id
    verified
    verifiedAt
    verificationStatus
    review {
      status
      note
      reviewedAt
      answer
    }
  }
`);

export const RejectOrganizationMutation = graphql(`
  mutation RejectOrganization($input: RejectOrganizationInput!) {
    rejectOrganization(input: $input) {
      ...DeskOrganizationFields
    }
  }
`);

export const RequestOrganizationInfoMutation = graphql(`
  mutation RequestOrganizationInfo($input: RequestOrganizationInfoInput!) {
    requestOrganizationInfo(input: $input) {
      ...DeskOrganizationFields
    }
  }
`);

export function useRejectOrganizationMutation() {
  return useMutation(RejectOrganizationMutation);
}

export function useRequestOrganizationInfoMutation() {
  return useMutation(RequestOrganizationInfoMutation);
}

/** What an official judges an organisation by: its description, members, owner's contact (audited read) and registration number. */
export const DeskOrganizationDetailsQuery = graphql(`
  query DeskOrganizationDetails($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      description
      registrationNumber
      createdAt
      ...DeskOrganizationFields
      ownerContact {
        userId
        displayName
        phone
      }
      members(first: 20) {
        totalCount
        edges {
          cursor
          node {
            id
            role
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export function useDeskOrganizationDetails(id: string | null) {
  return useQuery(DeskOrganizationDetailsQuery, { variables: { id: id ?? '' }, skip: !id });
}
