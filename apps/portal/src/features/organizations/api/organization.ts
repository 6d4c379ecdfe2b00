import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const OrganizationPageQuery = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      description
      verified
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
    me {
      id
      memberships {
        id
        role
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
