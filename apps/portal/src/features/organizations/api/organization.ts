import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const OrganizationPageQuery = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id
      name
      nameEn
      kind
      description
      verified
      verifiedAt
      verificationStatus
      registrationNumber
      review {
        status
        note
        reviewedAt
        answer
      }
      allianceMemberships {
        id
        status
        pledges
        alliance {
          id
          name
          nameEn
        }
      }
      region {
        id
        name
        nameEn
        parent {
          id
          parent {
            id
            parent {
              id
            }
          }
        }
      }
      members(first: 50) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            id
            role
            status
            seniorTitle
            user {
              id
              displayName
            }
          }
        }
      }
      tasks(first: 50) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            id
            title
            status
            category
            shifts {
              id
              startsAt
              endsAt
            }
          }
        }
      }
    }
    requested: myMemberships(status: REQUESTED) {
      id
      status
      organization {
        id
      }
    }
    invited: myMemberships(status: INVITED) {
      id
      status
      organization {
        id
      }
    }
    me {
      id
      role
      memberships {
        id
        role
        status
        organization {
          id
        }
      }
    }
  }
`);

export function useOrganizationPage(id: string) {
  return useQuery(OrganizationPageQuery, { variables: { id } });
}
