import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      displayName
      phone
      role
      email
      skills
      languages
      locale
      elderMode
      serviceMinutes
      attendanceRate
      birthDate
      availability {
        weekday
        startMinute
        endMinute
      }
      homeRegion {
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
      dependants {
        id
        displayName
        birthDate
      }
      proxyGrants {
        id
        consentNote
        grantedAt
        revokedAt
        proxy {
          id
          displayName
          phone
        }
      }
    }
  }
`);

export function useProfile() {
  return useQuery(ProfileQuery);
}
